"""Functions of parameters (PyNEST's ``nest.math``)."""

from .._parameters import _function

__all__ = ["cos", "exp", "max", "min", "redraw", "sin"]


def exp(parameter):
    """e to the power of a draw of `parameter`."""
    return _function("exp", parameter)


def sin(parameter):
    """The sine of a draw of `parameter`."""
    return _function("sin", parameter)


def cos(parameter):
    """The cosine of a draw of `parameter`."""
    return _function("cos", parameter)


def min(parameter, value):
    """The smaller of a draw of `parameter` and `value`."""
    return _function("min", parameter, value=float(value))


def max(parameter, value):
    """The larger of a draw of `parameter` and `value`."""
    return _function("max", parameter, value=float(value))


def redraw(parameter, min, max):
    """`parameter` drawn again until the value lies in [min, max]."""
    return _function("redraw", parameter, min=float(min), max=float(max))
