"""``import nest`` for NestSharp: put python/alias on PYTHONPATH (before any NEST installation) and PyNEST scripts and
NEST's pytests run on NestSharp unchanged. The module is nestsharp itself, under the name nest, and ``nest.X``
submodules are nestsharp's (``import nest.raster_plot`` gives ``nestsharp.raster_plot``)."""

import importlib
import importlib.abc
import importlib.util
import sys

import nestsharp


class _SubmoduleAlias(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Finds ``nest.X`` as ``nestsharp.X``, so both names share one module (and one kernel)."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname.startswith("nest."):
            return importlib.util.spec_from_loader(fullname, self)
        return None

    def create_module(self, spec):
        return importlib.import_module("nestsharp" + spec.name[len("nest"):])

    def exec_module(self, module):
        pass


sys.meta_path.insert(0, _SubmoduleAlias())
sys.modules[__name__] = nestsharp
