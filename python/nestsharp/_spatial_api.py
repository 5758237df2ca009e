"""PyNEST 3.10's spatial functions over NestSharp's kernel: masks, positions, distances, spatial Connect, queries,
layer dumps and the matplotlib plots of layers, targets, sources and connection probabilities."""

import os

import numpy

from . import _host
from ._collections import NodeCollection
from ._parameters import Parameter

__all__ = [
    "CreateMask", "Displacement", "Distance", "DumpLayerConnections", "DumpLayerNodes", "FindCenterElement",
    "FindNearestElement", "GetPosition", "GetSourceNodes", "GetSourcePositions", "GetTargetNodes", "GetTargetPositions",
    "Mask", "PlotLayer", "PlotProbabilityParameter", "PlotSources", "PlotTargets", "SelectNodesByMask",
]


# ---------------------------------------------------------------- masks


class Mask:
    """A spatial mask (``nest.CreateMask``): combine with ``|`` (union), ``&`` (intersection), ``-`` (difference);
    ``Inside(point)`` tells whether a point lies in it."""

    def __init__(self, description):
        self._description = description

    def _combine(self, op, rhs, symbol):
        if not isinstance(rhs, Mask):
            raise NotImplementedError(f"Both operands of {symbol} must be masks.")
        combined = Mask({"op": op, "left": self._description, "right": rhs._description})
        _host.call("mask_check", mask=combined._description)
        return combined

    def __or__(self, rhs):
        return self._combine("or", rhs, "|")

    def __and__(self, rhs):
        return self._combine("and", rhs, "&")

    def __sub__(self, rhs):
        return self._combine("sub", rhs, "-")

    def Inside(self, point):
        """Whether `point` lies inside the mask."""
        return bool(_host.call("mask_inside", mask=self._description, point=[float(x) for x in point]))

    def __repr__(self):
        return f"<nestsharp.Mask {self._description}>"


def _mask_description(mask):
    return mask._description if isinstance(mask, Mask) else _plain(mask)


def _plain(value):
    """A mask dictionary with numpy values turned into Python numbers and lists."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, numpy.ndarray)):
        return [_plain(v) for v in value]
    if isinstance(value, numpy.generic):
        return value.item()
    return value


def CreateMask(masktype, specs, anchor=None):
    """A mask of NEST's type `masktype` (circular, rectangular, elliptical, doughnut, grid, spherical, box,
    ellipsoidal) with the parameters `specs`, moved to `anchor` when given."""
    description = {masktype: _plain(specs)}
    if anchor is not None:
        description["anchor"] = _plain(anchor)
    _host.call("mask_check", mask=description)
    return Mask(description)


# ---------------------------------------------------------------- positions and distances


def _float_lists(rows):
    return [[float(x) for x in row] for row in rows]


def GetPosition(nodes):
    """The position of each node: a list of coordinates for one node, a list of such lists for several."""
    if not isinstance(nodes, NodeCollection):
        raise TypeError("nodes must be a NodeCollection with spatial extent")
    positions = _float_lists(_host.call("GetPosition", nc=nodes))
    return positions[0] if len(nodes) == 1 else positions


def _from_argument(from_arg, to_arg):
    if not isinstance(to_arg, NodeCollection):
        raise TypeError("to_arg must be a NodeCollection")
    if isinstance(from_arg, numpy.ndarray):
        from_arg = (from_arg,)
    if len(from_arg) > 1 and len(to_arg) > 1 and not len(from_arg) == len(to_arg):
        raise ValueError("to_arg and from_arg must have same size unless one have size 1.")
    if isinstance(from_arg, NodeCollection):
        return from_arg
    if isinstance(from_arg, (list, tuple)):
        return _float_lists(from_arg)
    raise TypeError("from_arg must be either a NodeCollection or a list/tuple of positions")


def Displacement(from_arg, to_arg):
    """NEST's displacement between `from_arg` (nodes or positions) and the nodes `to_arg`, with periodic boundaries."""
    source = _from_argument(from_arg, to_arg)
    return tuple(_float_lists(_host.call("Displacement", **{"from": source, "to": to_arg})))


def Distance(from_arg, to_arg):
    """The distances between `from_arg` (nodes or positions) and the nodes `to_arg`, with periodic boundaries."""
    source = _from_argument(from_arg, to_arg)
    return tuple(float(d) for d in _host.call("Distance", **{"from": source, "to": to_arg}))


def FindNearestElement(layer, locations, find_all=False):
    """The node of `layer` nearest to each location (all nodes at the smallest distance with `find_all`)."""
    if not isinstance(layer, NodeCollection):
        raise TypeError("layer must be a NodeCollection")
    if not len(layer) > 0:
        raise ValueError("layer cannot be empty")
    if not _iterable(locations):
        raise TypeError("locations must be coordinate array or list of coordinate arrays")
    if not _iterable(locations[0]):
        locations = (locations,)
    result = []
    for location in locations:
        d = Distance(numpy.array(location), layer)
        if not find_all:
            result.append(layer[int(numpy.argmin(d))])
        else:
            nearest, smallest = [layer[0]], d[0]
            for i in range(1, len(layer)):
                if d[i] < smallest:
                    nearest, smallest = [layer[i]], d[i]
                elif numpy.abs(d[i] - smallest) <= 1e-14 * smallest:
                    nearest.append(layer[i])
            result.append(nearest)
    return result[0] if len(result) == 1 else result


def FindCenterElement(layer):
    """The node of `layer` nearest to its center (a NodeCollection of one node)."""
    if not isinstance(layer, NodeCollection):
        raise TypeError("layer must be a NodeCollection")
    nearest = FindNearestElement(layer, layer.spatial["center"])
    index = layer.index(nearest.global_id)
    return layer[index:index + 1]


def _iterable(value):
    try:
        iter(value)
        return True
    except TypeError:
        return False


def SelectNodesByMask(layer, anchor, mask_obj):
    """The nodes of `layer` inside `mask_obj` placed at `anchor`."""
    if not isinstance(layer, NodeCollection):
        raise TypeError("layer must be a NodeCollection.")
    return _host.call("SelectNodesByMask", layer=layer, anchor=[float(x) for x in anchor], mask=_mask_description(mask_obj))


# ---------------------------------------------------------------- connections


def GetTargetNodes(sources, tgt_layer, syn_model=None):
    """For each source, the NodeCollection of its targets in `tgt_layer`."""
    return _partners(sources, tgt_layer, syn_model, by_source=True)


def GetSourceNodes(src_layer, targets, syn_model=None):
    """For each target, the NodeCollection of its sources in `src_layer`."""
    return _partners(src_layer, targets, syn_model, by_source=False)


def _partners(sources, targets, syn_model, by_source):
    from ._api import GetConnections

    if not isinstance(sources, NodeCollection):
        raise TypeError("sources must be a NodeCollection." if by_source else "src_layer must be a NodeCollection")
    if not isinstance(targets, NodeCollection):
        raise TypeError("tgt_layer must be a NodeCollection" if by_source else "targets must be a NodeCollection.")
    conns = GetConnections(sources, targets, synapse_model=syn_model)
    keys = (sources if by_source else targets).tolist()
    found = {k: [] for k in keys}
    for s, t in zip(conns.sources(), conns.targets()):
        found[s if by_source else t].append(t if by_source else s)
    return tuple(NodeCollection(sorted(set(found[k]))) for k in keys)


def GetTargetPositions(sources, tgt_layer, syn_model=None):
    """For each source, the positions of its targets in `tgt_layer` (one per connection)."""
    return _partner_positions(sources, tgt_layer, syn_model, by_source=True)


def GetSourcePositions(src_layer, targets, syn_model=None):
    """For each target, the positions of its sources in `src_layer` (one per connection)."""
    return _partner_positions(src_layer, targets, syn_model, by_source=False)


def _partner_positions(sources, targets, syn_model, by_source):
    from ._api import GetConnections

    if not isinstance(sources if by_source else targets, NodeCollection):
        raise TypeError("sources must be a NodeCollection." if by_source else "targets must be a NodeCollection.")
    layer = targets if by_source else sources
    positions = GetPosition(layer)
    if len(layer) == 1:
        positions = [positions]
    first = layer[0].global_id
    conns = GetConnections(sources, targets, synapse_model=syn_model)
    keys = (sources if by_source else targets).tolist()
    found = {k: [] for k in keys}
    for s, t in zip(conns.sources(), conns.targets()):
        if by_source:
            found[s].append(positions[t - first])
        else:
            found[t].append(positions[s - first])
    return [found[k] for k in keys]


def _connect_layers_needed(conn_spec, syn_spec):
    """Whether a Connect call takes the spatial path (a mask, a spatial parameter, p with another rule than
    pairwise_bernoulli, use_on_source), as PyNEST decides it."""
    if isinstance(conn_spec, dict):
        if any(isinstance(v, Parameter) and v.is_spatial() for v in conn_spec.values()):
            return True
        rule = str(conn_spec.get("rule", "all_to_all"))
        if "mask" in conn_spec or ("p" in conn_spec and "pairwise_bernoulli" not in rule) or "use_on_source" in conn_spec:
            return True
        if "pairwise_avg_num_conns" in conn_spec and "pairwise_poisson" not in rule:
            return True
    specs = getattr(syn_spec, "syn_specs", None) or ([syn_spec] if isinstance(syn_spec, dict) else [])
    return any(isinstance(v, Parameter) and v.is_spatial() for spec in specs for v in spec.values())


_CONN_KEYS = ("mask", "allow_multapses", "allow_autapses", "rule", "indegree", "outdegree", "p", "pairwise_avg_num_conns",
              "use_on_source", "allow_oversized_mask")
_SYN_KEYS = ("weight", "delay", "synapse_model", "synapse_label", "receptor_type")


def _connect_layers(pre, post, conn_spec, syn_spec):
    """Connect with a mask or spatial parameters (NEST's ConnectLayers)."""
    if not isinstance(pre, NodeCollection) or pre.spatial is None:
        raise TypeError("Presynaptic NodeCollection must have spatial information")
    if not isinstance(post, NodeCollection) or post.spatial is None:
        raise TypeError("Presynaptic NodeCollection must have spatial information")
    for key in conn_spec:
        if key not in _CONN_KEYS:
            raise ValueError(f"'{key}' is not allowed in conn_spec when connecting with mask or kernel")
    rule = conn_spec.get("rule")
    if rule not in ("pairwise_bernoulli", "fixed_indegree", "fixed_outdegree", "pairwise_poisson"):
        raise ValueError("When using kernel or mask, the only possible connection rules are "
                         "'pairwise_bernoulli', 'fixed_indegree', or 'fixed_outdegree'")
    if "use_on_source" in conn_spec and rule != "pairwise_bernoulli":
        raise ValueError("'use_on_source' can only be set when using pairwise_bernoulli")
    specs = getattr(syn_spec, "syn_specs", None)
    for spec in specs if specs is not None else ([syn_spec] if isinstance(syn_spec, dict) else []):
        for key in spec:
            if key not in _SYN_KEYS:
                raise ValueError(f"'{key}' is not allowed in syn_spec when connecting with mask or kernel")
    conn = dict(conn_spec)
    if "mask" in conn:
        conn["mask"] = _mask_description(conn["mask"])
    syn = list(specs) if specs is not None else syn_spec
    _host.call("ConnectLayers", pre=pre, post=post, conn_spec=conn, syn_spec=syn)


def _create_spatial(model, n, params, positions):
    """nest.Create with positions."""
    from . import spatial

    spec, count = spatial._layer_spec(positions, n)
    request = {"model": model, "positions": spec, "params": params}
    if count is not None:
        request["n"] = count
    return _host.call("CreateSpatial", **request)


# ---------------------------------------------------------------- files


def _rank_specific_filename(basename):
    return basename  # the Python front end runs in one process


def DumpLayerNodes(layer, outname):
    """Writes each node's id and position to `outname`, one node a line."""
    if not isinstance(layer, NodeCollection):
        raise TypeError("layer must be a NodeCollection")
    _host.call("DumpLayerNodes", layer=layer, filename=_rank_specific_filename(os.fspath(outname)))


def DumpLayerConnections(source_layer, target_layer, synapse_model, outname):
    """Writes each connection of `synapse_model` from `source_layer` to `target_layer` to `outname`: source, target,
    weight, delay and the displacement from source to target."""
    if not isinstance(source_layer, NodeCollection):
        raise TypeError("source_layer must be a NodeCollection")
    if not isinstance(target_layer, NodeCollection):
        raise TypeError("target_layer must be a NodeCollection")
    _host.call("DumpLayerConnections", source=source_layer, target=target_layer, synapse_model=synapse_model,
               filename=_rank_specific_filename(os.fspath(outname)))


# ---------------------------------------------------------------- plots (matplotlib)


def _pyplot():
    import matplotlib.pyplot as plt

    return plt


def PlotLayer(layer, fig=None, nodecolor="b", nodesize=20):
    """Plots the nodes of a 2D or 3D layer at their positions; returns the figure."""
    plt = _pyplot()
    spatial = layer.spatial
    if spatial is None:
        raise TypeError("layer must be a NodeCollection with spatial positions")
    positions = numpy.array(GetPosition(layer), ndmin=2)
    if positions.shape[1] == 2:
        if fig is None:
            fig = plt.figure()
            ax = fig.add_subplot(111)
        else:
            ax = fig.gca()
        ax.scatter(positions[:, 0], positions[:, 1], s=nodesize, facecolor=nodecolor)
        _draw_extent(ax, spatial["center"], spatial["extent"])
    else:
        if fig is None:
            fig = plt.figure()
            ax = fig.add_subplot(111, projection="3d")
        else:
            ax = fig.gca()
        ax.scatter(positions[:, 0], positions[:, 1], positions[:, 2], s=nodesize, c=nodecolor)
    plt.draw_if_interactive()
    return fig


def _draw_extent(ax, center, extent):
    x0, y0 = center[0] - extent[0] / 2.0, center[1] - extent[1] / 2.0
    ax.plot([x0, x0 + extent[0], x0 + extent[0], x0, x0], [y0, y0, y0 + extent[1], y0 + extent[1], y0], "k-", lw=0.5)
    ax.set_xlim(x0, x0 + extent[0])
    ax.set_ylim(y0, y0 + extent[1])
    ax.set_aspect("equal", "box")


def PlotTargets(src_nrn, tgt_layer, syn_type=None, fig=None, mask=None, probability_parameter=None, src_color="red",
                src_size=50, tgt_color="blue", tgt_size=20, mask_color="yellow", probability_cmap="Greens"):
    """Plots the targets of the node `src_nrn` in `tgt_layer` (and the mask and probability when given)."""
    targets = GetTargetPositions(src_nrn, tgt_layer, syn_type)[0]
    return _plot_partners(src_nrn, tgt_layer, targets, fig, mask, probability_parameter, src_color, src_size,
                          tgt_color, tgt_size, mask_color, probability_cmap)


def PlotSources(src_layer, tgt_nrn, syn_type=None, fig=None, mask=None, probability_parameter=None, tgt_color="red",
                tgt_size=50, src_color="blue", src_size=20, mask_color="yellow", probability_cmap="Greens"):
    """Plots the sources of the node `tgt_nrn` in `src_layer` (and the mask and probability when given)."""
    sources = GetSourcePositions(src_layer, tgt_nrn, syn_type)[0]
    return _plot_partners(tgt_nrn, src_layer, sources, fig, mask, probability_parameter, tgt_color, tgt_size,
                          src_color, src_size, mask_color, probability_cmap)


def _plot_partners(node, layer, partners, fig, mask, probability_parameter, node_color, node_size, partner_color,
                   partner_size, mask_color, probability_cmap):
    plt = _pyplot()
    spatial = layer.spatial
    if fig is None:
        fig = plt.figure()
        ax = fig.add_subplot(111)
    else:
        ax = fig.gca()
    partners = numpy.array(partners, ndmin=2) if len(partners) else numpy.zeros((0, 2))
    ax.scatter(partners[:, 0], partners[:, 1], s=partner_size, facecolor=partner_color)
    position = GetPosition(node)
    ax.scatter([position[0]], [position[1]], s=node_size, facecolor=node_color, alpha=0.4, zorder=-10)
    if mask is not None or probability_parameter is not None:
        edges = [spatial["center"][0] - spatial["extent"][0] / 2, spatial["center"][0] + spatial["extent"][0] / 2,
                 spatial["center"][1] - spatial["extent"][1] / 2, spatial["center"][1] + spatial["extent"][1] / 2]
        PlotProbabilityParameter(node, probability_parameter, mask=mask, edges=edges, ax=ax,
                                 prob_cmap=probability_cmap, mask_color=mask_color)
    _draw_extent(ax, spatial["center"], spatial["extent"])
    plt.draw_if_interactive()
    return fig


def _mask_patches(mask, anchor, color):
    """matplotlib patches outlining a mask dictionary placed at `anchor`."""
    from matplotlib import patches

    description = _mask_description(mask)
    if "op" in description:
        return []
    offset = numpy.array(description.get("anchor", [0.0, 0.0]), dtype=float)[:2]
    at = numpy.array(anchor, dtype=float)[:2] + offset
    style = {"fc": color, "alpha": 0.35, "lw": 2, "ec": color}
    kind = next(k for k in description if k != "anchor")
    specs = description[kind]
    if kind in ("circular", "spherical"):
        return [patches.Circle(at, specs["radius"], **style)]
    if kind == "doughnut":
        return [patches.Circle(at, specs["outer_radius"], **style), patches.Circle(at, specs["inner_radius"], fc="white", ec=color, lw=2)]
    if kind in ("rectangular", "box"):
        ll = numpy.array(specs["lower_left"], dtype=float)[:2]
        ur = numpy.array(specs["upper_right"], dtype=float)[:2]
        return [patches.Rectangle(at + ll, *(ur - ll), angle=specs.get("azimuth_angle", 0.0), rotation_point="center", **style)]
    if kind in ("elliptical", "ellipsoidal"):
        center = at + numpy.array(specs.get("anchor", [0.0, 0.0]), dtype=float)[:2]
        return [patches.Ellipse(center, specs["major_axis"], specs["minor_axis"], angle=specs.get("azimuth_angle", 0.0), **style)]
    return []


def PlotProbabilityParameter(source, parameter=None, mask=None, edges=(-0.5, 0.5, -0.5, 0.5), shape=(100, 100), ax=None,
                             prob_cmap="Greens", mask_color="yellow"):
    """Plots the connection probability `parameter` (clipped to [0, 1]) from the node `source` to every point of a
    `shape` grid over `edges` (x0, x1, y0, y1), and the outline of `mask`; returns nothing, as PyNEST."""
    plt = _pyplot()
    if parameter is None and mask is None:
        raise ValueError("At least one of parameter or mask must be specified")
    if ax is None:
        _, ax = plt.subplots()
    if parameter is not None:
        z = numpy.zeros(tuple(shape)[::-1])
        for i, x in enumerate(numpy.linspace(edges[0], edges[1], shape[0])):
            positions = [[x, y] for y in numpy.linspace(edges[2], edges[3], shape[1])]
            z[:, i] = numpy.array(parameter.apply(source, positions))
        ax.imshow(numpy.minimum(numpy.maximum(z, 0.0), 1.0), extent=tuple(edges), origin="lower", cmap=prob_cmap,
                  vmin=0.0, vmax=1.0)
    if mask is not None:
        for patch in _mask_patches(mask, GetPosition(source), mask_color):
            ax.add_patch(patch)
