"""The low-level names of PyNEST's ``nest.ll_api`` that scripts use."""

from ._api import get_verbosity, set_verbosity  # noqa: F401
