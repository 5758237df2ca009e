"""NEST's exception classes, as PyNEST offers them: ``NESTErrors.<Name>`` (all derived from ``KernelException``, which
is also ``NESTError``). NestSharp's errors carry NEST's names and are raised as these classes."""

import types

from . import _host

# The exception names of NEST 3.10 (nestkernel/exceptions.h); a name not listed gets its class when first raised.
_NAMES = (
    "DynamicModuleManagementError NotImplemented TypeMismatch UnaccessedDictionaryEntry UnknownModelName "
    "UnknownComponent NewModelNameExists ModelInUse UnknownSynapseType UnknownNode NoThreadSiblingsAvailable "
    "LocalNodeExpected NodeWithProxiesExpected UnknownCompartment UnknownReceptorType IncompatibleReceptorType "
    "UnknownPort IllegalConnection InexistentConnection UnknownThread BadDelay UnexpectedEvent UnsupportedEvent "
    "BadProperty BadParameter BadParameterValue DimensionMismatch DistributionError InvalidDefaultResolution "
    "InvalidTimeInModel StepMultipleRequired TimeMultipleRequired GSLSolverFailure NumericalInstability NamingConflict "
    "RangeCheck IOError KeyError InternalError UnmatchedSteps BackendPrepared BackendAlreadyRegistered "
    "BackendNotPrepared LayerExpected LayerNodeExpected UndefinedName"
).split()

NESTErrors = types.ModuleType("NESTErrors", "NEST's exception classes (KernelException and its subclasses).")
KernelException = type("KernelException", (Exception,), {"__module__": "NESTErrors"})
NESTErrors.KernelException = KernelException
NESTError = KernelException
NESTErrors.NESTError = KernelException


def _error_class(name):
    existing = getattr(NESTErrors, name, None)
    if existing is None:
        existing = type(name, (KernelException,), {"__module__": "NESTErrors"})
        setattr(NESTErrors, name, existing)
    return existing


for _name in _NAMES:
    _error_class(_name)

# Errors of .NET's own kinds arrive with the name of the matching Python exception.
_PYTHON_ERRORS = {
    "IndexError": IndexError,
    "ValueError": ValueError,
    "TypeError": TypeError,
    "KeyError": KeyError,
    "OverflowError": OverflowError,
    "MemoryError": MemoryError,
    "FileNotFoundError": FileNotFoundError,
}


def _raise_error(name, message):
    if name in _PYTHON_ERRORS:
        raise _PYTHON_ERRORS[name](message)
    if not name.isidentifier():
        name = "InternalError"
    raise _error_class(name)(message)


_host._raise_error = _raise_error
