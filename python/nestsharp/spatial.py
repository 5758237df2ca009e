"""PyNEST's ``nest.spatial``: where nodes are (``grid``, ``free``) and the spatial parameters (``distance``, ``pos``,
``source_pos``, ``target_pos``), which NestSharp evaluates per node or per connection from the nodes' positions."""

import numpy

from ._parameters import CreateParameter, Parameter

__all__ = ["grid", "free", "distance", "pos", "source_pos", "target_pos"]


class DistanceParameter(Parameter):
    """The distance between a connection's source and target; ``.x``, ``.y``, ``.z`` the distance along one axis."""

    def __init__(self):
        super().__init__(CreateParameter("distance", {})._description)

    @property
    def x(self):
        """The distance along x."""
        return CreateParameter("distance", {"dimension": 1})

    @property
    def y(self):
        """The distance along y."""
        return CreateParameter("distance", {"dimension": 2})

    @property
    def z(self):
        """The distance along z."""
        return CreateParameter("distance", {"dimension": 3})

    @staticmethod
    def n(dimension):
        """The distance along axis `dimension` (1: x, 2: y, 3: z)."""
        return CreateParameter("distance", {"dimension": dimension})


distance = DistanceParameter()


class _Coordinates:
    """Coordinate parameters x, y, z (and n(dimension)) of a node (endpoint 0) or a connection's source (1) or target (2)."""

    def __init__(self, endpoint):
        self._endpoint = endpoint
        self.x = self.n(0)
        self.y = self.n(1)
        self.z = self.n(2)

    def n(self, dimension):
        """The coordinate `dimension` (0: x)."""
        specs = {"dimension": dimension}
        if self._endpoint:
            specs["synaptic_endpoint"] = self._endpoint
        return CreateParameter("position", specs)


pos = _Coordinates(0)
source_pos = _Coordinates(1)
target_pos = _Coordinates(2)


class grid:  # noqa: N801 (PyNEST's name)
    """Grid positions: `shape` (columns, rows[, depth]) nodes over `extent` around `center`, periodic with `edge_wrap`."""

    def __init__(self, shape, center=None, extent=None, edge_wrap=False):
        self.shape = shape
        self.center = center
        self.extent = extent
        self.edge_wrap = edge_wrap


class free:  # noqa: N801 (PyNEST's name)
    """Free positions: a list of 2D or 3D positions, a list of 2 or 3 Parameters, or one Parameter for every
    dimension (then `num_dimensions` or `extent` gives the number of dimensions)."""

    def __init__(self, pos, extent=None, edge_wrap=False, num_dimensions=None):
        if extent and num_dimensions:
            raise TypeError("extent and number of dimensions cannot be specified at the same time")
        if isinstance(pos, (list, tuple, numpy.ndarray)):
            if num_dimensions:
                raise TypeError("number of dimensions cannot be specified when using an array of positions")
            if len(pos) == sum(isinstance(d, Parameter) for d in pos):
                self.pos = _dimensions(list(pos))
            else:
                self.pos = pos
        elif isinstance(pos, Parameter):
            if extent:
                num_dimensions = len(extent)
            if not num_dimensions:
                raise TypeError(
                    "could not infer number of dimensions. Set num_dimensions or extent when using Parameter as pos"
                )
            self.pos = _dimensions([pos] * num_dimensions)
        else:
            raise TypeError("pos must be either an array of positions, or a Parameter")
        self.extent = extent
        self.edge_wrap = edge_wrap


class _PositionParameters(tuple):
    """2 or 3 Parameters drawn one after the other for each node's position."""


def _dimensions(parameters):
    if not 2 <= len(parameters) <= 3:
        raise ValueError("Number of dimensions must be 2 or 3")
    return _PositionParameters(parameters)


def _layer_spec(positions, n):
    """The request form of a grid or free object (used by nest.Create)."""
    if isinstance(positions, grid):
        if n > 1:
            raise ValueError("Cannot specify number of nodes with grid positions")
        spec = {"shape": [int(v) for v in positions.shape], "edge_wrap": positions.edge_wrap}
        if positions.center is not None:
            spec["center"] = [float(v) for v in positions.center]
        if positions.extent is not None:
            spec["extent"] = [float(v) for v in positions.extent]
        return spec, None
    if not isinstance(positions, free):
        raise TypeError("`positions` must be either a nest.spatial.free or a nest.spatial.grid object")
    spec = {"edge_wrap": positions.edge_wrap}
    if positions.extent is not None:
        spec["extent"] = [float(v) for v in positions.extent]
    if isinstance(positions.pos, _PositionParameters):
        spec["pos"] = list(positions.pos)
        return spec, int(n)
    spec["pos"] = [[float(x) for x in p] for p in positions.pos]
    return spec, None
