"""NestSharp's Python front end: PyNEST 3.10's API on NestSharp's C# engine, running in this process.

``import nestsharp as nest`` and a PyNEST script runs unchanged. Kernel status keys are module attributes
(``nest.resolution = 0.1``, ``nest.biological_time``), as in PyNEST.
"""

import sys
import types

from . import _api, _host, kernel, logic, math, random  # noqa: F401
from ._api import *  # noqa: F401,F403
from ._spatial_api import *  # noqa: F401,F403
from ._sonata import SonataNetwork  # noqa: F401
from ._api import GetKernelStatus, SetKernelStatus
from .kernel import NESTError, NESTErrors  # noqa: F401

__version__ = "0.6.0+nestsharp"

# Names that are module attributes of their own, never kernel status keys.
_OWN = frozenset(globals())


class _KernelAttribute:
    """A kernel status key as an attribute of the module's type, as PyNEST's KernelAttribute: reading and writing go
    to the kernel, a read-only key raises AttributeError when set, and `_default` is its value in a fresh kernel."""

    def __init__(self, name, default, readonly):
        self._name = name
        self._default = default
        self._readonly = readonly

    def __get__(self, instance, owner=None):
        return self if instance is None else GetKernelStatus(self._name)

    def __set__(self, instance, value):
        if self._readonly:
            raise AttributeError(f"`{self._name}` is a read-only kernel attribute.")
        SetKernelStatus({self._name: value})


class _NestSharpModule(types.ModuleType):
    """The module object: kernel status keys read and written as attributes, and the lazily imported plotting modules."""

    kernel_status = property(lambda self: GetKernelStatus(), doc="The complete kernel status (read-only).")

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        if name in ("raster_plot", "voltage_trace", "ll_api", "spatial", "spatial_distributions"):
            import importlib

            return importlib.import_module(f"{__name__}.{name}")
        status = GetKernelStatus()
        if name in status:
            return status[name]
        raise AttributeError(f"module 'nest' has no attribute '{name}'")

    def __setattr__(self, name, value):
        if name.startswith("_") or name in self.__dict__ or isinstance(type(self).__dict__.get(name), _KernelAttribute):
            super().__setattr__(name, value)
        elif name in GetKernelStatus():
            SetKernelStatus({name: value})
        else:
            raise AttributeError(f"Cannot set attribute '{name}' of module 'nest'")

    def set(self, **kwargs):
        """Sets kernel status keys: ``nest.set(resolution=0.1, rng_seed=5)``."""
        SetKernelStatus(kwargs)

    def get(self, *args):
        """Kernel status: all keys, one key, or a tuple of values for several."""
        if not args:
            return GetKernelStatus()
        if len(args) == 1:
            return GetKernelStatus(args[0])
        return GetKernelStatus(args)


# The kernel attributes are the keys of a fresh kernel's status.
for _key, _value in GetKernelStatus().items():
    if _key not in _OWN:
        setattr(_NestSharpModule, _key, _KernelAttribute(_key, _value, _key not in _api.settable_kernel_keys()))
del _key, _value

sys.modules[__name__].__class__ = _NestSharpModule
