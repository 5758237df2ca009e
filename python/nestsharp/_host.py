"""Loads the .NET runtime into this Python process and calls NestSharp's interop assembly (src/NestSharp.Python).

The runtime is started with the official hosting API, libhostfxr, through ctypes: no compiled extension and no
package from the Python package index is needed. Every request is one UTF-8 JSON message; numeric arrays cross as
numpy buffers copied in one call each (see src/NestSharp.Python/Exports.cs).
"""

import ctypes
import glob
import json
import math
import os
import shutil

import numpy

_ASSEMBLY = "NestSharp.Python"
_TYPE = "NestSharp.Python.Exports, NestSharp.Python"
_UNMANAGEDCALLERSONLY_METHOD = ctypes.c_void_p(-1)
# The version of the entry points' signatures this package calls (Exports.InterfaceVersion).
_INTERFACE_VERSION = 2
_HDT_LOAD_ASSEMBLY_AND_GET_FUNCTION_POINTER = 5
# numpy arrays at least this long cross as bulk arrays rather than inside the JSON text.
_BULK_MIN = 32
_LONG_MIN, _LONG_MAX = -(2**63), 2**63 - 1


class HostError(RuntimeError):
    """The .NET runtime or the NestSharp assemblies could not be found or loaded."""


def _package_dir():
    return os.path.dirname(os.path.abspath(__file__))


def assembly_dir():
    """The folder holding NestSharp.Python.dll: $NESTSHARP_ASSEMBLY_DIR if set, else the newer of the package's _lib
    folder (filled by python/build.sh, installed with the package) and the Release build of the repository checkout
    that holds this package (`dotnet build -c Release`)."""
    if os.environ.get("NESTSHARP_ASSEMBLY_DIR"):
        candidates = [os.environ["NESTSHARP_ASSEMBLY_DIR"]]
    else:
        repo = os.path.dirname(os.path.dirname(_package_dir()))
        candidates = [
            os.path.join(_package_dir(), "_lib"),
            os.path.join(repo, "src", _ASSEMBLY, "bin", "Release", "net10.0"),
        ]
    found = [folder for folder in candidates if os.path.isfile(os.path.join(folder, _ASSEMBLY + ".dll"))]
    if not found:
        raise HostError(
            "NestSharp's assemblies were not found (looked in: " + ", ".join(candidates) + "). Build them with "
            "'python/build.sh' (or 'dotnet build -c Release' in the repository), or set NESTSHARP_ASSEMBLY_DIR."
        )
    return max(found, key=lambda folder: os.path.getmtime(os.path.join(folder, _ASSEMBLY + ".dll")))


def dotnet_root():
    """$DOTNET_ROOT, else the folder of the `dotnet` command on PATH (following links)."""
    if os.environ.get("DOTNET_ROOT"):
        return os.environ["DOTNET_ROOT"]
    dotnet = shutil.which("dotnet")
    if dotnet is None:
        raise HostError("The .NET runtime was not found: put `dotnet` on PATH or set DOTNET_ROOT.")
    return os.path.dirname(os.path.realpath(dotnet))


def _hostfxr_path(root):
    versions = glob.glob(os.path.join(root, "host", "fxr", "*", "libhostfxr.so"))
    if not versions:
        raise HostError(f"libhostfxr.so was not found under {root}/host/fxr (is {root} a .NET installation?).")

    def version_key(path):
        parts = os.path.basename(os.path.dirname(path)).split("-")[0].split(".")
        return [int(p) if p.isdigit() else 0 for p in parts]

    return max(versions, key=version_key)


class _Runtime:
    """The entry points of NestSharp.Python, loaded once per process."""

    def __init__(self):
        folder = assembly_dir()
        root = dotnet_root()
        os.environ.setdefault("DOTNET_ROOT", root)
        fxr = ctypes.CDLL(_hostfxr_path(root))
        fxr.hostfxr_initialize_for_runtime_config.argtypes = [ctypes.c_char_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p)]
        fxr.hostfxr_initialize_for_runtime_config.restype = ctypes.c_int32
        fxr.hostfxr_get_runtime_delegate.argtypes = [ctypes.c_void_p, ctypes.c_int32, ctypes.POINTER(ctypes.c_void_p)]
        fxr.hostfxr_get_runtime_delegate.restype = ctypes.c_int32
        fxr.hostfxr_close.argtypes = [ctypes.c_void_p]

        config = os.path.join(folder, _ASSEMBLY + ".runtimeconfig.json").encode()
        handle = ctypes.c_void_p()
        rc = fxr.hostfxr_initialize_for_runtime_config(config, None, ctypes.byref(handle))
        if rc not in (0, 1, 2) or not handle:
            raise HostError(f"hostfxr_initialize_for_runtime_config failed ({rc & 0xFFFFFFFF:#x}) for {config.decode()}")
        delegate = ctypes.c_void_p()
        rc = fxr.hostfxr_get_runtime_delegate(handle, _HDT_LOAD_ASSEMBLY_AND_GET_FUNCTION_POINTER, ctypes.byref(delegate))
        fxr.hostfxr_close(handle)
        if rc != 0:
            raise HostError(f"hostfxr_get_runtime_delegate failed ({rc & 0xFFFFFFFF:#x})")
        load = ctypes.CFUNCTYPE(
            ctypes.c_int32, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_void_p, ctypes.c_void_p,
            ctypes.POINTER(ctypes.c_void_p),
        )(delegate.value)
        assembly = os.path.join(folder, _ASSEMBLY + ".dll").encode()

        def entry(name, restype, *argtypes):
            pointer = ctypes.c_void_p()
            rc = load(assembly, _TYPE.encode(), name.encode(), _UNMANAGEDCALLERSONLY_METHOD, None, ctypes.byref(pointer))
            if rc != 0:
                raise HostError(f"could not load {_TYPE}.{name} ({rc & 0xFFFFFFFF:#x})")
            return ctypes.CFUNCTYPE(restype, *argtypes)(pointer.value)

        i32, i64, ptr = ctypes.c_int32, ctypes.c_int64, ctypes.c_void_p
        try:
            version = entry("Version", i32)()
        except HostError:
            version = 1  # before the entry points had a version
        if version != _INTERFACE_VERSION:
            raise HostError(
                f"the NestSharp assemblies in {folder} have entry points of version {version}, this package needs "
                f"{_INTERFACE_VERSION}: build them again with 'python/build.sh' (or 'dotnet build -c Release')."
            )
        self.call = entry("Call", i32, ptr, i64, ptr, i64, ctypes.POINTER(i64))
        self.copy_reply = entry("CopyReply", i32, ptr)
        self.copy_array = entry("CopyArray", i32, i32, ptr, i64)
        self.put_array = entry("PutArray", i32, ptr, i64, i32, ctypes.POINTER(i32))
        self.error_length = entry("ErrorLength", i64)
        self.copy_error = entry("CopyError", i32, ptr)
        self.assembly_dir = folder


_runtime = None


def runtime():
    """The loaded runtime (started on first use)."""
    global _runtime
    if _runtime is None:
        _runtime = _Runtime()
    return _runtime


# ---------------------------------------------------------------- errors

_raise_error = None  # set by nestsharp.kernel: builds and raises the Python exception for (name, message)


def _fail(rt):
    length = rt.error_length()
    buffer = ctypes.create_string_buffer(length)
    rt.copy_error(buffer)
    error = json.loads(buffer.raw[:length].decode("utf-8"))
    _raise_error(error["name"], error["message"])


# ---------------------------------------------------------------- values to JSON

# Python objects that stand for .NET objects register an encoder here: type -> function giving the JSON form.
encoders = {}


def _put_array(values):
    rt = runtime()
    if values.dtype == numpy.bool_:
        data, dtype = numpy.ascontiguousarray(values, dtype=numpy.uint8), 2
    elif numpy.issubdtype(values.dtype, numpy.integer):
        data, dtype = numpy.ascontiguousarray(values, dtype=numpy.int64), 1
    else:
        data, dtype = numpy.ascontiguousarray(values, dtype=numpy.float64), 0
    slot = ctypes.c_int32()
    if rt.put_array(data.ctypes.data, data.size, dtype, ctypes.byref(slot)) != 0:
        _fail(rt)
    return {"__array__": slot.value}


def _numbers(values):
    """A long list of numbers as a 1-D numpy array (handed over in one call, as the JSON text would give it: all
    booleans, or integers and reals without booleans); None for any other list."""
    try:
        array = numpy.asarray(values)
    except (ValueError, TypeError, OverflowError):
        return None
    if array.ndim != 1 or array.dtype.kind not in "bif":
        return None
    if array.dtype.kind != "b" and any(type(v) is bool or isinstance(v, numpy.bool_) for v in values):
        return None
    return array


def _encode_float(value):
    if math.isnan(value):
        return {"__float__": "NaN"}
    if math.isinf(value):
        return {"__float__": "Infinity" if value > 0 else "-Infinity"}
    return value


def _encode_int(value):
    if not _LONG_MIN <= value <= _LONG_MAX:  # NEST's kernel takes 64-bit integers, as PyNEST converts them
        raise OverflowError(f"Python int {value} too large to convert to a 64-bit integer")
    return value


def encode(value):
    """`value` in the JSON form of src/NestSharp.Python/Message.cs (bulk numpy arrays are handed over first)."""
    # The built-in types of most requests first, by their exact type (a request is encoded on every call).
    kind = type(value)
    if kind is str or kind is bool or value is None:
        return value
    if kind is float:
        return _encode_float(value)
    if kind is int:
        return _encode_int(value)
    if kind is dict:
        return {str(k): encode(v) for k, v in value.items()}
    encoder = encoders.get(kind)
    if encoder is not None:
        return encoder(value)
    if isinstance(value, (bool, str)):
        return value
    if isinstance(value, numpy.bool_):
        return bool(value)
    if isinstance(value, (int, numpy.integer)):
        return _encode_int(int(value))
    if isinstance(value, (float, numpy.floating)):
        return _encode_float(float(value))
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    if isinstance(value, numpy.ndarray):
        if value.ndim == 1 and value.size >= _BULK_MIN and (
            value.dtype == numpy.bool_ or numpy.issubdtype(value.dtype, numpy.number)
        ):
            return _put_array(value)
        return [encode(v) for v in value.tolist()]
    if isinstance(value, (list, tuple, range)):
        if len(value) >= _BULK_MIN and isinstance(value[0], (int, float, numpy.number, numpy.bool_)):
            bulk = _numbers(value)
            if bulk is not None:
                return _put_array(bulk)
        return [encode(v) for v in value]
    for kind, encoder in encoders.items():
        if isinstance(value, kind):
            return encoder(value)
    raise TypeError(f"NestSharp cannot take a value of type {type(value).__name__}: {value!r}")


# ---------------------------------------------------------------- JSON to values

# Tagged reply objects: tag -> function(dict) giving the Python object (registered by the collection types).
decoders = {}


def _decode_object(obj):
    if "__array__" in obj:
        rt = runtime()
        values = numpy.empty(obj["n"], dtype=numpy.float64 if obj["dtype"] == "f8" else numpy.int64)
        if rt.copy_array(obj["__array__"], values.ctypes.data, values.size) != 0:
            _fail(rt)
        return values
    for tag, decoder in decoders.items():
        if tag in obj:
            return decoder(obj)
    return obj


# One encoder and decoder for every request (json.dumps and json.loads with options make new ones per call).
_json_encoder = json.JSONEncoder(allow_nan=False)
_json_decoder = json.JSONDecoder(object_hook=_decode_object)

# Replies up to this length arrive in one buffer with the request's call (longer ones are fetched by a second call).
_REPLY_CAPACITY = 1 << 16
_reply_buffer = ctypes.create_string_buffer(_REPLY_CAPACITY)
_reply_address = ctypes.addressof(_reply_buffer)
_reply_length = ctypes.c_int64()
_reply_length_ref = ctypes.byref(_reply_length)

# Handles of collections that Python has collected; released with a later request (never from inside the collector).
_released = []


def release(handle):
    """Marks the .NET object behind `handle` as no longer used by Python."""
    _released.append(handle)


def call(op, **arguments):
    """Runs the request `op` with `arguments` in the kernel; returns the reply as Python values (raises NEST's
    exception classes on errors)."""
    rt = runtime()
    if len(_released) >= 256:
        handles, _released[:] = list(_released), []
        call("release", handles=handles)
    arguments["op"] = op
    request = _json_encoder.encode(encode(arguments)).encode("utf-8")
    if rt.call(request, len(request), _reply_address, _REPLY_CAPACITY, _reply_length_ref) != 0:
        _fail(rt)
    length = _reply_length.value
    if length <= _REPLY_CAPACITY:
        reply = ctypes.string_at(_reply_address, length)
    else:
        buffer = ctypes.create_string_buffer(length)
        rt.copy_reply(buffer)
        reply = buffer.raw[:length]
    return _json_decoder.decode(reply.decode("utf-8"))
