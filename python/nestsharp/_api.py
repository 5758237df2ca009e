"""PyNEST 3.10's functions over NestSharp's kernel: kernel status, models, Create, Connect, simulation."""

import contextlib
import enum
import os
import sys
import time

import numpy

from . import _host
from ._collections import Compartments, NodeCollection, Receptors, SynapseCollection, fit_per_node_lists
from ._parameters import CreateParameter, Parameter
from .kernel import NESTErrors

__all__ = [
    "Cleanup", "CollocatedSynapses", "Compartments", "Connect", "ConnectionRules", "CopyModel", "Create", "CreateParameter", "Disconnect",
    "EnableStructuralPlasticity", "DisableStructuralPlasticity", "GetConnections", "GetDefaults", "GetKernelStatus",
    "GetLocalNodeCollection", "GetLocalVPs", "GetNodes", "GetStatus", "Install", "Models", "NodeCollection", "NumProcesses", "Parameter",
    "Prepare", "PrintNodes", "Rank", "Receptors", "ResetKernel", "Run", "RunManager", "SetAcceptableLatency", "SetDefaults",
    "SetKernelStatus", "SetMaxBuffered", "SetStatus", "Simulate", "SyncProcesses", "SynapseCollection", "TripartiteConnect",
    "VerbosityLevel", "serialize_data", "to_json", "get_verbosity", "help", "message", "set_verbosity", "version",
]


# ---------------------------------------------------------------- kernel


def ResetKernel():
    """Discards all nodes, connections, copied models and kernel settings."""
    _host.call("ResetKernel")


def SetKernelStatus(params):
    """Sets kernel status keys (all are checked before any changes). As in PyNEST, an unknown or read-only key raises
    ValueError, or only warns (and is left out) when dict_miss_is_error is false."""
    params = dict(params)
    status = GetKernelStatus()
    raise_errors = params.get("dict_miss_is_error", status["dict_miss_is_error"])
    settable = settable_kernel_keys()
    for key in list(params):
        if key not in status:
            message = (f"`{key}` is not a valid kernel parameter, valid parameters are: "
                       + ", ".join(f"'{name}'" for name in sorted(status)))
        elif key not in settable:
            message = f"`{key}` is a readonly kernel parameter"
        else:
            continue
        if raise_errors:
            raise ValueError(message)
        import warnings

        warnings.warn(message + " \n`SetKernelStatus` ignored this key.")
        del params[key]
    if "verbosity" in params:  # kept on the Python side: NestSharp's kernel writes no log messages
        set_verbosity(params.pop("verbosity"))
    if params:
        _host.call("SetKernelStatus", params=params)


_settable_kernel_keys = None


def settable_kernel_keys():
    """The kernel status keys that can be set (the others are read-only), with `verbosity`, which Python keeps."""
    global _settable_kernel_keys
    if _settable_kernel_keys is None:
        _settable_kernel_keys = frozenset(_host.call("SettableKernelKeys")) | {"verbosity"}
    return _settable_kernel_keys


def GetKernelStatus(keys=None):
    """The kernel status: all keys (a dictionary), one key (its value) or several (a tuple of values)."""
    status = _host.call("GetKernelStatus")
    status["node_models"] = tuple(status.get("node_models", ()))
    status["synapse_models"] = tuple(status.get("synapse_models", ()))
    status["verbosity"] = _verbosity
    status["build_info"] = dict(_BUILD_INFO, **status.get("build_info", {}))
    status["build_info"]["have_mpi"] = False  # the Python front end runs in one process
    if keys is None:
        return status
    if isinstance(keys, str):
        if keys not in status:
            raise KeyError(keys)
        return status[keys]
    return tuple(status[k] for k in keys)


# What PyNEST's build_info says about optional libraries, for NestSharp: the models NEST builds with GSL are there (with
# NestSharp's own solvers); SONATA's HDF5 files are read (SonataNetwork, with the managed PureHDF); MUSIC, SIONlib,
# libneurosim and Boost are not used. docdir, where a NEST installation keeps its documentation and examples
# (examples/pynest/...), is NEST_DOCDIR from the environment: NestSharp installs no NEST documentation of its own
# (python/run_nest_pytests.sh lays out one for a NEST checkout).
_BUILD_INFO = {
    "have_gsl": True,
    "have_boost": False,
    "have_hdf5": True,
    "have_music": False,
    "have_sionlib": False,
    "have_libneurosim": False,
    "docdir": os.environ.get("NEST_DOCDIR", ""),
}


def Install(module_name):
    """NestSharp has no extension modules: its models are built in. Prints a note and does nothing."""
    print(f"NestSharp: Install('{module_name}') does nothing; NestSharp has no extension modules "
          f"(its models are built in).", file=sys.stderr)


def Rank():
    """This process's MPI rank (0: NestSharp's Python front end runs in one process)."""
    return int(GetKernelStatus("mpi_rank")) if "mpi_rank" in GetKernelStatus() else 0


def NumProcesses():
    """The number of MPI processes (1)."""
    return int(GetKernelStatus("num_processes")) if "num_processes" in GetKernelStatus() else 1


def GetLocalVPs():
    """The virtual processes of this MPI rank, as PyNEST's: dealt out round-robin over the ranks."""
    return range(Rank(), int(GetKernelStatus("total_num_virtual_procs")), NumProcesses())


def SyncProcesses():
    """Synchronises the MPI processes: nothing to do, the Python front end runs in one process."""


def SetAcceptableLatency(port_name, latency):
    """A MUSIC port's acceptable latency: NEST 3.10 raises NotImplementedError, and so does NestSharp (no MUSIC)."""
    raise NotImplementedError


def SetMaxBuffered(port_name, size):
    """A MUSIC port's buffer size: NEST 3.10 raises NotImplementedError, and so does NestSharp (no MUSIC)."""
    raise NotImplementedError


def GetLocalNodeCollection(nc):
    """The nodes of `nc` on this process: all of them."""
    return nc


class VerbosityLevel(enum.IntEnum):
    """NEST's verbosity levels."""

    ALL = 0
    DEBUG = 5
    STATUS = 7
    INFO = 10
    PROGRESS = 15
    DEPRECATED = 18
    WARNING = 20
    ERROR = 30
    FATAL = 40
    QUIET = 100


_verbosity = VerbosityLevel.INFO


def set_verbosity(level):
    """Sets the level of NEST's messages ("M_WARNING" or a VerbosityLevel); NestSharp only keeps the value."""
    global _verbosity
    _verbosity = VerbosityLevel[level.split("_")[1]] if isinstance(level, str) else VerbosityLevel(level)


def get_verbosity():
    """The verbosity level."""
    return _verbosity


def message(message, severity=VerbosityLevel.INFO, *, function=None, filename=None, lineno=None):
    """Writes `message` as NEST's logger does when `severity` reaches the verbosity level: ``[INFO] [2026-12-03
    16:50:00] text`` (at verbosity DEBUG or ALL also ``file:line @ function``, taken from the caller when not given),
    on stdout below WARNING and on stderr from WARNING on."""
    if severity < _verbosity:
        return
    where = ""
    if _verbosity <= VerbosityLevel.DEBUG:
        caller = sys._getframe(1)
        where = f" {filename or caller.f_code.co_filename}:{lineno or caller.f_lineno} @ {function or caller.f_code.co_name}"
    level = VerbosityLevel(severity).name if severity in VerbosityLevel._value2member_map_ else f"Undefined ({int(severity)})"
    stamp = time.strftime("%Y-%m-%d %H:%M:%S")
    print(f"[{level}] [{stamp}{where}] {message}", file=sys.stdout if severity < VerbosityLevel.WARNING else sys.stderr)


def help(obj=None, return_text=False):
    """Shows the help of model `obj` in a pager (or returns it with `return_text`), as PyNEST's: here NestSharp's
    summary of the model (parameters and state variables with defaults and units, recordables, receptor types, and
    where NEST documents the model); without `obj`, the package's documentation."""
    if obj is None:
        print(sys.modules[__package__].__doc__)
        return None
    try:
        text = _host.call("ModelHelp", model=obj) if isinstance(obj, str) else None
    except NESTErrors.UnknownModelName:
        text = None
    if text is None:
        print(f"\nSorry, there is no help for model '{obj}'.\nUse the Python help() function to obtain help on PyNEST functions.\n")
        return None
    if return_text:
        return text
    import pydoc

    pydoc.pager(text)
    return None


def version():
    """NestSharp's version, with the NEST version whose behaviour it reproduces."""
    from . import __version__

    return f"NestSharp {__version__} (the C# engine behind a PyNEST 3.10 interface)"


# ---------------------------------------------------------------- simulation


def Simulate(t):
    """Simulates `t` ms (Prepare, Run, Cleanup)."""
    _host.call("Simulate", t=float(t))


def Prepare():
    """Readies the network for Run."""
    _host.call("Prepare")


def Run(t):
    """Advances the prepared network by `t` ms."""
    _host.call("Run", t=float(t))


def Cleanup():
    """Ends a sequence of Run calls."""
    _host.call("Cleanup")


@contextlib.contextmanager
def RunManager():
    """Prepare on entry, Cleanup on exit: ``with nest.RunManager(): nest.Run(10)``."""
    Prepare()
    try:
        yield
    finally:
        Cleanup()


def EnableStructuralPlasticity():
    """Starts creating and deleting synapses at every structural_plasticity_update_interval."""
    _host.call("EnableStructuralPlasticity")


def DisableStructuralPlasticity():
    """Stops structural plasticity."""
    _host.call("DisableStructuralPlasticity")


# ---------------------------------------------------------------- models


def Models(mtype="all", sel=None):
    """Model names ("all", "nodes" or "synapses"), optionally only those containing `sel`, as a tuple."""
    if mtype not in ("all", "nodes", "synapses"):
        raise ValueError("mtype has to be one of 'all', 'nodes', or 'synapses'")
    names = []
    if mtype in ("all", "nodes"):
        names += _host.call("NodeModels")
    if mtype in ("all", "synapses"):
        names += _host.call("SynapseModels")
    if sel is not None:
        names = [name for name in names if sel in name]
    return tuple(sorted(names))


def ConnectionRules():
    """The connection rules, sorted by name, as a tuple (deprecated in PyNEST: ``nest.connection_rules``)."""
    return tuple(sorted(GetKernelStatus("connection_rules")))


def CopyModel(existing, new, params=None):
    """Makes `new` a copy of model `existing`, with `params` as changed defaults."""
    _host.call("CopyModel", old=existing, new=new, params=params)


def SetDefaults(model, params, val=None):
    """Changes the defaults of `model` (a dictionary, or a key and a value)."""
    if val is not None:
        params = {params: val}
    params = dict(params)
    if any(isinstance(v, Parameter) for v in params.values()) or any(
        isinstance(v, (list, tuple, numpy.ndarray)) for v in params.values()
    ):
        defaults = GetDefaults(model)
        for key, value in params.items():
            listed = isinstance(value, (list, tuple, numpy.ndarray))
            if isinstance(value, Parameter) or (
                listed and key in defaults and not isinstance(defaults[key], (list, tuple, numpy.ndarray, dict))
            ):
                raise ValueError("SetDefaults() accepts only explicit, single parameter values.")
    _host.call("SetDefaults", model=model, params=params)


def GetDefaults(model, keys=None, output=""):
    """The defaults of `model`: a dictionary, one value (`keys` a string) or a list of values (`keys` a list)."""
    defaults = _host.call("GetDefaults", model=model)
    if keys is None:
        result = defaults
    elif isinstance(keys, str) or not hasattr(keys, "__iter__"):
        if keys not in defaults:
            raise KeyError(keys)
        result = defaults[keys]
    else:
        result = [defaults[k] for k in keys]
    if output == "json":
        import json

        result = json.dumps(result, default=lambda v: v.tolist() if isinstance(v, numpy.ndarray) else str(v))
    return result


# ---------------------------------------------------------------- nodes


def Create(model, n=1, params=None, positions=None):
    """Creates `n` nodes of `model`; `params` is a dictionary for all (values, lists with one value per node, or
    Parameters) or a list with one dictionary per node."""
    if isinstance(n, dict):
        if not (params is None and positions is None):
            raise ValueError("A parameter dictionary can be passed as second argument only if Create() is called with two arguments.")
        params, n = n, 1
    if isinstance(n, bool) or int(n) != n:
        raise TypeError("n must have an integer value")
    if positions is not None:
        from ._spatial_api import _create_spatial

        return _create_spatial(model, int(n), params, positions)
    if isinstance(params, (list, tuple)) and len(params) != n:
        raise TypeError("list of params must have one dictionary per node")
    if params is not None and not (
        isinstance(params, dict) or (isinstance(params, (list, tuple)) and all(isinstance(e, dict) for e in params))
    ):
        raise TypeError("params must be either a dict of parameters or a list or tuple of dicts")
    if isinstance(params, dict):
        params = fit_per_node_lists(params, int(n), lambda: GetDefaults(model))
    return _host.call("Create", model=model, n=int(n), params=params)


def PrintNodes():
    """Prints the node id ranges and their models, one line per run of nodes of one model (e.g. ``1 .. 10
    iaf_psc_alpha``)."""
    print(_host.call("PrintNodes"))


def GetNodes(properties=None, local_only=False):
    """All nodes whose status has the values in `properties` (all nodes when it is empty), as one NodeCollection; with
    `local_only`, only this process's (all of them: the Python front end runs in one process)."""
    size = GetKernelStatus("network_size")
    if size == 0:
        return NodeCollection()
    everything = NodeCollection(range(1, size + 1))
    if not properties:
        return everything
    keep = []
    for node_id, node in zip(range(1, size + 1), everything):
        status = node.get()
        if all(key in status and _equal(status[key], value) for key, value in properties.items()):
            keep.append(node_id)
    return NodeCollection(keep)


def _equal(a, b):
    if isinstance(a, numpy.ndarray) or isinstance(b, numpy.ndarray):
        return numpy.array_equal(numpy.asarray(a), numpy.asarray(b))
    return a == b


def serialize_data(data):
    """`data` with numpy values, NodeCollections (their ids) and SynapseCollections (their status) made plain Python
    values that JSON can encode, lists and dictionaries converted element by element, as PyNEST's ``serialize_data``."""
    if isinstance(data, (numpy.ndarray, NodeCollection)):
        return serialize_data(data.tolist())
    if isinstance(data, SynapseCollection):
        return serialize_data(data.get())
    if isinstance(data, numpy.floating):
        return float(data)
    if isinstance(data, numpy.integer):
        return int(data)
    if isinstance(data, numpy.bool_):
        return bool(data)
    if isinstance(data, (list, tuple)):
        return [serialize_data(d) for d in data]
    if isinstance(data, dict):
        return {serialize_data(key): serialize_data(value) for key, value in data.items()}
    return data


def to_json(data, **kwargs):
    """`data` as JSON text (see `serialize_data`); `kwargs` go to ``json.dumps``, as PyNEST's ``nest.to_json``."""
    import json

    return json.dumps(serialize_data(data), **kwargs)


def GetStatus(nodes_or_conns, keys=None, output=""):
    """The status of each node or connection, in NEST 3.9's form (deprecated in PyNEST; kept for older scripts): a
    tuple with a dictionary (or the values of `keys`) per element."""
    if len(nodes_or_conns) == 0:
        return "[]" if output == "json" else ()
    single = len(nodes_or_conns) == 1
    if keys:
        result = nodes_or_conns.get(keys)
        if isinstance(keys, str):
            result = (result,) if single else tuple(result)
        else:
            result = (tuple(result.values()),) if single else tuple(zip(*result.values()))
    else:
        result = nodes_or_conns.get()
        result = (result,) if single else tuple({k: v[j] for k, v in result.items()} for j in range(len(nodes_or_conns)))
    return to_json(result) if output == "json" else result


def SetStatus(nodes, params, val=None):
    """Sets status values of nodes or connections (deprecated in PyNEST; kept for older scripts)."""
    if val is not None:
        params = {params: val}
    nodes.set(params)


# ---------------------------------------------------------------- connections


class CollocatedSynapses:
    """Several synapse specifications for one Connect call: each connection gets one synapse of each."""

    def __init__(self, *args):
        self.syn_specs = list(args)

    def __len__(self):
        return len(self.syn_specs)


def _endpoint(nodes, name):
    if isinstance(nodes, NodeCollection):
        return nodes
    values = numpy.asarray(nodes)
    if values.ndim != 1 or not numpy.issubdtype(values.dtype, numpy.integer):
        raise TypeError(f"{name} must be a NodeCollection or an array of node ids")
    return values.astype(numpy.int64)


def _syn_spec(syn_spec):
    if syn_spec is None or isinstance(syn_spec, str):
        return syn_spec
    if isinstance(syn_spec, CollocatedSynapses):
        return [dict(spec) for spec in syn_spec.syn_specs]
    if isinstance(syn_spec, dict):
        return dict(syn_spec)
    raise TypeError("syn_spec must be a string, a dictionary or a CollocatedSynapses object")


def _arrays_conn_spec(pre, post, conn_spec):
    """The rule for arrays of node ids, as PyNEST chooses it: arrays that repeat ids are connected pairwise (one to
    one) whatever the rule says; they must have the same length, and both must repeat ids (PyNEST turns an array of
    unique ids into a NodeCollection, which cannot be paired with an array)."""
    rule = conn_spec.get("rule", "all_to_all") if isinstance(conn_spec, dict) else conn_spec
    if rule == "one_to_one" or (isinstance(pre, NodeCollection) and isinstance(post, NodeCollection)):
        return conn_spec
    repeats = [not isinstance(x, NodeCollection) and len(set(numpy.asarray(x).tolist())) != len(x) for x in (pre, post)]
    if not any(repeats):
        return conn_spec
    if len(pre) != len(post):
        raise ValueError("If 'pre' or 'post' contain non-unique IDs, then they must have the same length.")
    if not all(repeats):
        raise ValueError("If 'pre' or 'post' contain non-unique IDs, both must be arrays of node IDs, connected one "
                         "to one; the other holds unique IDs and becomes a NodeCollection.")
    return dict(conn_spec, rule="one_to_one") if isinstance(conn_spec, dict) else "one_to_one"


def Connect(pre, post, conn_spec=None, syn_spec=None, return_synapsecollection=False):
    """Connects `pre` to `post` (NodeCollections or arrays of node ids) with the rule `conn_spec` (a name or a
    dictionary; all_to_all by default) and the synapses `syn_spec` (a model name, a dictionary whose values may be
    arrays or Parameters, or CollocatedSynapses); returns the new connections if asked."""
    if isinstance(conn_spec, dict):
        conn_spec = dict(conn_spec)
    from ._spatial_api import _connect_layers, _connect_layers_needed

    spatial_spec = conn_spec if isinstance(conn_spec, dict) else {"rule": conn_spec or "all_to_all"}
    if _connect_layers_needed(spatial_spec, syn_spec):
        _connect_layers(pre, post, spatial_spec, syn_spec)
        return GetConnections(pre, post) if return_synapsecollection else None
    conn_spec = _arrays_conn_spec(pre, post, conn_spec)
    _host.call("Connect", pre=_endpoint(pre, "pre"), post=_endpoint(post, "post"), conn_spec=conn_spec,
               syn_spec=_syn_spec(syn_spec))
    if return_synapsecollection:
        model = None
        if isinstance(syn_spec, str):
            model = syn_spec
        elif isinstance(syn_spec, dict):
            model = syn_spec.get("synapse_model")
        source = pre if isinstance(pre, NodeCollection) else NodeCollection(sorted(set(numpy.asarray(pre).tolist())))
        target = post if isinstance(post, NodeCollection) else NodeCollection(sorted(set(numpy.asarray(post).tolist())))
        return GetConnections(source, target, synapse_model=model)
    return None


def TripartiteConnect(pre, post, third, conn_spec, third_factor_conn_spec, syn_specs=None):
    """Connects `pre` to `post` by the primary rule `conn_spec` and gives primary connections a node of `third` by the
    third-factor rule `third_factor_conn_spec` (``third_factor_bernoulli_with_pool``: keys p, pool_type, pool_size);
    each such connection brings pre -> third ("third_in") and third -> post ("third_out") connections. `syn_specs` may
    give "primary", "third_in" and "third_out", each a model name, a syn_spec dictionary or CollocatedSynapses
    (static_synapse where not given); as in PyNEST, their values may not be lists or arrays (ValueError)."""
    for nodes, name in ((pre, "Presynaptic"), (post, "Postsynaptic"), (third, "Third-factor")):
        if not isinstance(nodes, NodeCollection):
            raise TypeError(f"{name} nodes must be a NodeCollection")
    given = dict(syn_specs) if syn_specs is not None else {}
    parts = {}
    for key in ("primary", "third_in", "third_out"):
        spec = given.pop(key, {"synapse_model": "static_synapse"})
        if isinstance(spec, str):
            spec = {"synapse_model": spec}
        if not isinstance(spec, CollocatedSynapses):
            spec = CollocatedSynapses(spec)
        for synspec in spec.syn_specs:
            for entry, value in synspec.items():
                if isinstance(value, (list, tuple, numpy.ndarray)):
                    raise ValueError(
                        f"Tripartite connections do not accept parameter lists, but 'syn_specs[{key}][{entry}]' is a "
                        "list or similar."
                    )
        parts[key] = [dict(s) for s in spec.syn_specs]
    parts.update(given)  # any other key is the kernel's error, as in PyNEST
    _host.call("TripartiteConnect", pre=pre, post=post, third=third, conn_spec=dict(conn_spec),
               third_factor_conn_spec=dict(third_factor_conn_spec), syn_specs=parts)


def Disconnect(*args, conn_spec=None, syn_spec=None):
    """Removes connections: ``Disconnect(conns)`` for a SynapseCollection, or ``Disconnect(pre, post, conn_spec=...,
    syn_spec=...)`` for two NodeCollections (one_to_one and static_synapse by default). As PyNEST 3.10, the
    specifications are keyword-only and may not accompany a SynapseCollection (ValueError); any other arguments raise
    TypeError."""
    if len(args) == 1:
        if not isinstance(args[0], SynapseCollection):
            raise TypeError("Arguments must be either a SynapseCollection or two NodeCollections")
        if conn_spec is not None or syn_spec is not None:
            raise ValueError("When disconnecting with a SynapseCollection, conn_spec and syn_spec cannot be specified")
        args[0].disconnect()
    elif len(args) == 2:
        pre, post = args
        if not isinstance(pre, NodeCollection) or not isinstance(post, NodeCollection):
            raise TypeError("Arguments must be either a SynapseCollection or two NodeCollections")
        _host.call("Disconnect", pre=pre, post=post, conn_spec=conn_spec, syn_spec=syn_spec)
    else:
        raise TypeError("Arguments must be either a SynapseCollection or two NodeCollections")


def GetConnections(source=None, target=None, synapse_model=None, synapse_label=None):
    """The connections from `source` to `target` of `synapse_model` with `synapse_label` (each optional; labels
    belong to the connections of the ``*_lbl`` models)."""
    if source is not None and not isinstance(source, NodeCollection):
        raise TypeError("source must be NodeCollection.")
    if target is not None and not isinstance(target, NodeCollection):
        raise TypeError("target must be NodeCollection.")
    return _host.call(
        "GetConnections", source=source, target=target, synapse_model=synapse_model, synapse_label=synapse_label
    )
