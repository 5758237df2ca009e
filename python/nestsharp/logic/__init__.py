"""Conditional parameters (PyNEST's ``nest.logic``)."""

from .._parameters import Parameter, _operand

__all__ = ["conditional"]


def conditional(condition, param_if_true, param_if_false):
    """A draw of `param_if_true` where a draw of `condition` is non-zero, else a draw of `param_if_false`."""
    return Parameter(
        {
            "__param__": "conditional",
            "condition": _operand(condition),
            "if_true": _operand(param_if_true),
            "if_false": _operand(param_if_false),
        }
    )
