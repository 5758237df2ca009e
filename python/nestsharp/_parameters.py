"""Parameters drawn per node or per connection (PyNEST's ``Parameter``): NEST's random distributions and the
expressions built from them. A Parameter is a description; NestSharp draws it where it is used, each node or
connection from its own keyed random stream."""

import numbers

from . import _host


class Parameter:
    """A value NestSharp draws per node or connection: ``nest.random.normal(...)``, arithmetic on parameters
    (``+ - * / **``, comparisons), ``nest.math`` and ``nest.logic.conditional``."""

    def __init__(self, description):
        self._description = description
        # NEST checks a parameter's values when it is made: so does NestSharp (and learns whether it is spatial).
        self._spatial = bool(_host.call("param_is_spatial", param=self))

    def _binary(self, kind, left, right):
        return Parameter({"__param__": kind, "left": _operand(left), "right": _operand(right)})

    def __add__(self, other):
        return self._binary("add", self, other)

    def __radd__(self, other):
        return self._binary("add", other, self)

    def __sub__(self, other):
        return self._binary("sub", self, other)

    def __rsub__(self, other):
        return self._binary("sub", other, self)

    def __mul__(self, other):
        return self._binary("mul", self, other)

    def __rmul__(self, other):
        return self._binary("mul", other, self)

    def __truediv__(self, other):
        return self._binary("div", self, other)

    def __rtruediv__(self, other):
        return self._binary("div", other, self)

    def __neg__(self):
        return self._binary("mul", self, -1.0)

    def __pos__(self):
        return self

    def __pow__(self, exponent):
        if not isinstance(exponent, numbers.Real):
            raise TypeError("the exponent of a Parameter must be a number")
        return Parameter({"__param__": "pow", "base": self._description, "exponent": float(exponent)})

    def __lt__(self, other):
        return self._binary("lt", self, other)

    def __le__(self, other):
        return self._binary("le", self, other)

    def __eq__(self, other):
        return self._binary("eq", self, other)

    def __ne__(self, other):
        return self._binary("ne", self, other)

    def __ge__(self, other):
        return self._binary("ge", self, other)

    def __gt__(self, other):
        return self._binary("gt", self, other)

    __hash__ = object.__hash__

    def is_spatial(self):
        """Whether the parameter depends on positions (nest.spatial and nest.spatial_distributions)."""
        return self._spatial

    def apply(self, spatial_nc, positions=None):
        """The values for the nodes of `spatial_nc` (a tuple), or with `positions` (a list of positions), for
        connections from the one node of `spatial_nc` to each position."""
        if positions is None:
            return tuple(float(v) for v in _host.call("param_apply", param=self, nc=spatial_nc))
        if len(spatial_nc) != 1:
            raise ValueError("The NodeCollection must contain a single node ID only")
        if not isinstance(positions, (list, tuple)):
            raise TypeError("Positions must be a list or tuple of positions")
        for position in positions:
            if not hasattr(position, "__len__") or isinstance(position, str):
                raise TypeError("Each position must be a list or tuple")
            if len(position) != len(positions[0]):
                raise ValueError("All positions must have the same number of dimensions")
        targets = [[float(x) for x in position] for position in positions]
        return tuple(float(v) for v in _host.call("param_apply", param=self, nc=spatial_nc, targets=targets))

    def GetValue(self):
        """One value drawn from the kernel's GetValue stream (as PyNEST's ``Parameter.GetValue``)."""
        return _host.call("GetValue", param=self)

    def __repr__(self):
        return f"<nestsharp.Parameter {self._description}>"


def _operand(value):
    if isinstance(value, Parameter):
        return value._description
    if isinstance(value, numbers.Real):
        return float(value)
    raise TypeError(f"a Parameter operand must be a Parameter or a number, not {type(value).__name__}")


_host.encoders[Parameter] = lambda p: _host.encode(p._description)  # NaN and infinities inside, as everywhere


def CreateParameter(parametertype, specs):
    """A parameter of NEST's type `parametertype` (constant, uniform, uniform_int, normal, lognormal, exponential, and
    the spatial position, distance, exp_distribution, gaussian, gaussian2d, gamma, gabor)."""
    specs = {k: (v._description if isinstance(v, Parameter) else v) for k, v in dict(specs).items()}
    return Parameter({"__param__": parametertype, "specs": specs})


def _function(kind, of, **numbers_):
    return Parameter(dict({"__param__": kind, "of": _operand(of)}, **numbers_))
