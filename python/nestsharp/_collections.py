"""NodeCollection and SynapseCollection: Python views of NestSharp's collections, which stay in .NET and are named by
a handle. Bulk values (ids, events, connection arrays) arrive as numpy arrays."""

import numbers

import numpy

from . import _host
from .kernel import NESTErrors

try:
    import pandas
except ImportError:  # pandas is optional: output="pandas" needs it
    pandas = None

__all__ = ["Compartments", "NodeCollection", "Receptors", "SynapseCollection"]

def _as_tuple(values):
    """Per-node values as PyNEST gives them for several nodes: a tuple."""
    if isinstance(values, numpy.ndarray):
        return tuple(values.tolist())
    return tuple(values)


def _as_list(values):
    """Per-connection values as PyNEST gives them: a list."""
    if isinstance(values, numpy.ndarray):
        return values.tolist()
    return list(values)


class NodeCollection:
    """A sorted set of node ids, as PyNEST's NodeCollection: ``nest.NodeCollection([1, 3, 5])``, or made by
    ``Create``. Supports ``len``, ``in``, iteration, indexing, slicing with steps, ``+``, ``==``, ``get``/``set``
    and attribute access to status keys (``neurons.V_m``, ``sr.events``)."""

    _handle = None
    _size = 0
    # A collection without a handle of its own stands for one that has a handle (or the empty one): (collection,
    # None) a copy of it, (collection, k) its node at position k. Indexing makes such items without a call into .NET
    # (as fast as PyNEST's); the kernel takes the item when a request names it, with the checks of indexing.
    _view = None

    def __init__(self, data=None):
        if isinstance(data, NodeCollection):
            self._adopt(None, data._size, data._viewed())
            return
        ids = [] if data is None else list(data)
        if ids:
            other = _host.call("NodeCollection", ids=[int(i) for i in ids])
            self._adopt(other._handle, other._size)
            other._handle = None

    @classmethod
    def _wrap(cls, reply):
        nodes = cls.__new__(cls)
        nodes._adopt(reply["__nc__"], reply["n"])
        return nodes

    def _adopt(self, handle, size, view=None):
        object.__setattr__(self, "_handle", handle)
        object.__setattr__(self, "_size", size)
        object.__setattr__(self, "_ids", None)
        object.__setattr__(self, "_view", view)

    def _viewed(self):
        """What this collection stands for, as a view: a copy or an item stands for what its own view names."""
        return self._view if self._view is not None else (self, None)

    def __del__(self):
        if self._handle is not None and _host.release is not None:  # at interpreter exit the module may be gone
            _host.release(self._handle)

    # ---------------------------------------------------------------- sequence behaviour

    def __len__(self):
        return self._size

    def __bool__(self):
        return self._size > 0

    def _id_array(self):
        if self._size == 0:
            return numpy.empty(0, dtype=numpy.int64)
        if self._ids is None:
            object.__setattr__(self, "_ids", _host.call("nc_ids", nc=self))
        return self._ids

    def tolist(self):
        """The node ids as a list."""
        return self._id_array().tolist()

    def __array__(self, dtype=None, copy=None):
        """The node ids as a numpy array (``numpy.array(nodes)``)."""
        return numpy.array(self._id_array(), dtype=dtype)

    def __iter__(self):
        for k in range(self._size):
            yield self[k]

    def __getitem__(self, key):
        if isinstance(key, slice):
            step = 1 if key.step is None else key.step
            if step < 1:
                raise IndexError("slicing step for NodeCollection must be strictly positive")
            start = 0 if key.start is None else key.start
            stop = self._size if key.stop is None else key.stop
            return _host.call("nc_slice", nc=self, start=start, stop=stop, step=step)
        if isinstance(key, (numbers.Integral, numpy.integer)) and not isinstance(key, bool):
            index = int(key)
            if index >= self._size or index < -self._size:
                raise IndexError("index value outside of the NodeCollection")
            source, position = self._viewed()
            item = NodeCollection.__new__(NodeCollection)
            item._adopt(None, 1, (source, index % self._size if position is None else position))
            return item
        if isinstance(key, (list, tuple, numpy.ndarray)):
            if len(key) == 0:
                return NodeCollection()
            if isinstance(key, numpy.ndarray):
                if key.ndim != 1:
                    raise TypeError("NumPy indices must be one-dimensional")
                if key.dtype != numpy.bool_ and not numpy.issubdtype(key.dtype, numpy.integer):
                    raise TypeError("NumPy indices must be an array of integers or bools")
                is_mask = key.dtype == numpy.bool_
            elif all(isinstance(x, (bool, numpy.bool_)) for x in key):  # bools first: bool is an int
                is_mask = True
            elif all(isinstance(x, (numbers.Integral, numpy.integer)) and not isinstance(x, bool) for x in key):
                is_mask = False
            else:
                raise TypeError("Indices must be integers or bools")
            if is_mask:
                if len(key) != self._size:
                    raise IndexError("Bool index array must be the same length as NodeCollection")
                return _host.call("nc_mask", nc=self, mask=[bool(x) for x in key])
            return _host.call("nc_take", nc=self, positions=[int(v) for v in key])
        raise TypeError("only integers, slices, lists, tuples and numpy arrays may index a NodeCollection")

    def __add__(self, other):
        if not isinstance(other, NodeCollection):
            if isinstance(other, numbers.Number) and other == 0:  # sum() of collections starts at 0
                return self
            raise TypeError(f"Cannot add object of type '{type(other).__name__}' to 'NodeCollection'")
        if not other:
            return self
        if not self:
            return other
        return _host.call("nc_join", a=self, b=other)

    def __radd__(self, other):
        return self + other

    def _to_array(self, selection="all"):
        """The node ids by process or thread, as PyNEST's debugging helper: all of them are on this process."""
        if selection not in ("all", "rank", "thread"):
            raise ValueError("selection must be 'all', 'rank' or 'thread'")
        ids = self.tolist()
        if selection == "all":
            return {"All": ids}
        if selection == "rank":
            return {"Rank 0": ids}
        threads = self.get("thread") if len(ids) > 1 else (self.get("thread"),)
        by_thread = {}
        for node_id, thread in zip(ids, threads):
            by_thread.setdefault(thread, []).append(node_id)
        return by_thread

    def __eq__(self, other):
        if not isinstance(other, NodeCollection):
            raise NotImplementedError(f"Cannot compare NodeCollection to {type(other).__name__}")
        if self._size != other._size:
            return False
        if self._size == 0:
            return True
        return _host.call("nc_equal", a=self, b=other)

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash(tuple(self.tolist()))

    def __contains__(self, node_id):
        ids = self._id_array()
        position = numpy.searchsorted(ids, node_id)
        return bool(position < len(ids) and ids[position] == node_id)

    def index(self, node_id):
        """The position of `node_id` in the collection."""
        ids = self._id_array()
        position = int(numpy.searchsorted(ids, node_id))
        if position >= len(ids) or ids[position] != node_id:
            raise ValueError(f"{node_id} is not in NodeCollection")
        return position

    def __str__(self):
        if self._size == 0:
            return "NodeCollection(<empty>)"
        return _host.call("nc_str", nc=self)

    __repr__ = __str__

    @property
    def spatial(self):
        """The positions' metadata (center, edge_wrap, extent, network_size, shape or positions), or None."""
        if self._size == 0:
            return None
        return _host.call("nc_spatial", nc=self)

    # ---------------------------------------------------------------- status

    def get(self, *params, **kwargs):
        """Status values: ``get()`` all keys, ``get("V_m")`` one key, ``get(["V_m", "C_m"])`` or
        ``get("V_m", "C_m")`` several, ``get("events", "times")`` a key inside a dictionary; one value for a single
        node, a tuple of values for several. ``output="pandas"`` gives a DataFrame."""
        if not self:
            raise ValueError("Cannot get parameter of empty NodeCollection")
        output = kwargs.pop("output", "")
        if kwargs:
            raise TypeError("Got unexpected keyword argument")
        single = self._size == 1
        if len(params) == 0:
            result = self._status(None, None)
            result = {k: (v if single else _as_tuple(v)) for k, v in result.items()}
        elif len(params) == 1:
            key = params[0]
            if isinstance(key, str):
                result = self._status(key, None)
                result = result if single else _as_tuple(result)
                if key in _COMPARTMENTAL_KEYS:
                    result = _COMPARTMENTAL_KEYS[key](self, result)
            elif hasattr(key, "__iter__"):  # a list, tuple, dict (its keys), dict view or array of keys
                result = self._status([str(k) for k in key], None)
                result = {k: (v if single else _as_tuple(v)) for k, v in result.items()}
            else:
                raise TypeError("Params should be either a string or an iterable")
        elif len(params) == 2 and isinstance(params[0], str):
            key, sub = params
            result = self._status(key, sub if isinstance(sub, str) else [str(s) for s in sub])
            if not single:
                result = _as_tuple(result) if isinstance(sub, str) else {k: _as_tuple(v) for k, v in result.items()}
        elif isinstance(params[0], str):
            # PyNEST's hierarchical addressing takes the path from the first argument and the names from the last.
            return self.get(params[0], params[-1], output=output)
        else:
            raise TypeError("First argument must be a string, specifying path into hierarchical dictionary")

        if output == "pandas":
            if pandas is None:
                raise ImportError("Pandas could not be imported")
            index = self.tolist()
            if len(params) == 1 and isinstance(params[0], str):
                result = {params[0]: result}
            elif len(params) > 1 and isinstance(params[1], str):
                result = {params[1]: result}
            if single:
                result = {key: [val] for key, val in result.items()}
            result = pandas.DataFrame(result, index=index)
        elif output == "json":
            from ._api import to_json

            result = to_json(result)
        return result

    def _status(self, keys, subkeys):
        try:
            return _host.call("nc_get", nc=self, keys=keys, subkeys=subkeys)
        except NESTErrors.UnaccessedDictionaryEntry as error:
            missing = subkeys if subkeys is not None else keys
            raise KeyError(missing if isinstance(missing, str) else str(error)) from None

    def set(self, params=None, **kwargs):
        """Sets status values: a dictionary (values for all nodes, lists with one value per node, or Parameters
        drawn per node), a list of dictionaries (one per node), or keyword arguments."""
        if not self:
            return
        if kwargs and params is None:
            params = kwargs
        elif kwargs and params:
            raise TypeError("must either provide params or kwargs, but not both.")
        if isinstance(params, dict):
            params = _prepared_status_dict(params)
            params = fit_per_node_lists(params, self._size, lambda: self[0].get())
        elif isinstance(params, (list, tuple)):
            params = list(params)
        else:
            raise TypeError("params must be a dict or a list of dicts")
        _host.call("nc_set", nc=self, params=params)

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        if self._size == 0:
            raise AttributeError("Cannot get attribute of empty NodeCollection")
        return self.get(name)

    def __setattr__(self, name, value):
        if name.startswith("_"):
            object.__setattr__(self, name, value)
        else:
            self.set({name: value})

    @property
    def global_id(self):
        """The node ids (a single id for one node, a tuple for several)."""
        return self.get("global_id")


class CmBase:
    """PyNEST's view of the compartments or receptors of cm_default nodes: a tuple of dictionaries; ``+`` gives a
    longer view, ``+=`` adds to the nodes (``add_compartments`` / ``add_receptors``)."""

    def __init__(self, node_collection, elements):
        if not isinstance(node_collection, NodeCollection):
            raise TypeError(f"node_collection must be a NodeCollection, got {type(node_collection)}")
        if isinstance(elements, list):
            elements = tuple(elements)
        if not isinstance(elements, tuple):
            raise TypeError(f"elements must be a tuple of dicts, got {type(elements)}")
        self._elements = elements
        self._node_collection = node_collection

    def _added(self, other):
        name = type(self).__name__
        if isinstance(other, dict):
            return [other]
        if isinstance(other, type(self)):
            return list(other._elements)
        if isinstance(other, (tuple, list)):
            if not all(isinstance(element, dict) for element in other):
                raise TypeError(f"{name} can only be added with dicts, lists of dicts, or other {name}")
            return list(other)
        raise NotImplementedError(f"{name} can only be added with dicts, lists of dicts, or other {name}, got {type(other)}")

    def __add__(self, other):
        return type(self)(self._node_collection, self._elements + tuple(self._added(other)))

    def __iadd__(self, other):
        self._node_collection.set({f"add_{type(self).__name__.lower()}": self._added(other)})
        return None  # the attribute assignment that follows sees None: nothing more to set

    def __getitem__(self, key):
        return self._elements[key]

    def __len__(self):
        return len(self._elements)

    def __iter__(self):
        return iter(self._elements)

    def __str__(self):
        return str(self._elements)

    def get_tuple(self):
        """The dictionaries as a tuple."""
        return self._elements


class Compartments(CmBase):
    """The compartments of cm_default nodes (PyNEST's nest.Compartments)."""


class Receptors(CmBase):
    """The receptors of cm_default nodes (PyNEST's nest.Receptors)."""


_COMPARTMENTAL_KEYS = {"compartments": Compartments, "receptors": Receptors}


def _prepared_status_dict(params):
    """A copy of a status dictionary as the engine takes it: compartments and receptors views as their tuples, a
    compartmental key set to None (added already by the += operator) left out, tuples as lists."""
    params = dict(params)
    for key in _COMPARTMENTAL_KEYS:
        if isinstance(params.get(key), CmBase):
            params[key] = params[key].get_tuple()
        elif key in params and params[key] is None:
            params.pop(key)
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in params.items()}


def fit_per_node_lists(params, size, status_of_a_node):
    """PyNEST spreads a list given for a single-valued key over the nodes, one entry each: it raises IndexError when the
    list is too short and uses the first entries of a longer one. Returns `params` with longer lists cut to `size`.
    `status_of_a_node` gives a node's (or the model's) status and is called only then."""
    single_valued = None
    for key, value in params.items():
        if not isinstance(value, (list, tuple, numpy.ndarray)) or len(value) == size:
            continue
        if single_valued is None:
            status = status_of_a_node()
            single_valued = {
                k for k, v in status.items() if not isinstance(v, (list, tuple, numpy.ndarray, dict, str))
            }
        if key not in single_valued:
            continue
        if len(value) < size:
            raise IndexError(f"'{key}' gives {len(value)} values for {size} nodes: list index out of range")
        params = {**params, key: value[:size]}
    return params


def _encode_nodes(nodes):
    if nodes._handle is not None:
        return {"__nc__": nodes._handle}
    if nodes._view is None:
        return []
    source, index = nodes._view
    return _encode_nodes(source) if index is None else {"__nc_item__": _encode_nodes(source), "index": index}


_host.encoders[NodeCollection] = _encode_nodes
_host.decoders["__nc__"] = NodeCollection._wrap


class SynapseCollection:
    """Connections, as PyNEST's SynapseCollection (made by ``GetConnections``): ``len``, indexing, slicing, iteration,
    ``==``, ``get``/``set`` (also ``output="pandas"``) and attribute access (``conns.weight``)."""

    _handle = None
    _size = 0

    def __init__(self, data=None):
        if data is not None:
            raise TypeError("SynapseCollections are made by GetConnections or Connect(..., return_synapsecollection=True)")

    @classmethod
    def _wrap(cls, reply):
        synapses = cls.__new__(cls)
        object.__setattr__(synapses, "_handle", reply["__sc__"])
        object.__setattr__(synapses, "_size", reply["n"])
        object.__setattr__(synapses, "print_full", False)
        return synapses

    def __del__(self):
        if self._handle is not None and _host.release is not None:  # at interpreter exit the module may be gone
            _host.release(self._handle)

    def __len__(self):
        return self._size

    def __bool__(self):
        return self._size > 0

    def __iter__(self):
        for k in range(self._size):
            yield self[k]

    def __getitem__(self, key):
        if isinstance(key, slice):
            return _host.call("sc_slice", sc=self, start=key.start, stop=key.stop, step=1 if key.step is None else key.step)
        if isinstance(key, (numbers.Integral, numpy.integer)):
            index = int(key)
            if index >= self._size or index < -self._size:
                raise IndexError("index value outside of the SynapseCollection")
            return _host.call("sc_index", sc=self, index=index)
        raise TypeError("only integers and slices may index a SynapseCollection")

    def __eq__(self, other):
        if not isinstance(other, SynapseCollection):
            return NotImplemented
        return _host.call("sc_equal", a=self, b=other)

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__ = object.__hash__

    def __str__(self):
        return _host.call("sc_str", sc=self, print_full=bool(self.print_full))

    __repr__ = __str__

    def get(self, keys=None, output=""):
        """Connection values: all keys (a dictionary), one key (a list, or the value for one connection) or a list of
        keys (a dictionary of lists); ``output="pandas"`` gives a DataFrame."""
        if self._size == 0 or _host.call("GetKernelStatus")["network_size"] == 0:  # empty, or after ResetKernel
            if output == "pandas":
                if pandas is None:
                    raise ImportError("Pandas could not be imported")
                return pandas.DataFrame()
            if output == "json":
                from ._api import to_json

                return to_json({})
            return {} if keys is None else ()
        if keys is not None and not isinstance(keys, str):
            keys = [str(k) for k in keys]
        try:
            result = _host.call("sc_get", sc=self, keys=keys)
        except NESTErrors.UnaccessedDictionaryEntry:
            raise KeyError(keys) from None
        single = self._size == 1
        if isinstance(keys, str):
            result = result if single else _as_list(result)
        else:
            result = {k: (v if single else _as_list(v)) for k, v in result.items()}
        if output == "pandas":
            if pandas is None:
                raise ImportError("Pandas could not be imported")
            if isinstance(keys, str):
                result = {keys: result}
            index = (self.get("source"),) if single else self.get("source")
            result = pandas.DataFrame(result, index=index)
        elif output == "json":
            from ._api import to_json

            result = to_json(result)
        return result

    def set(self, params=None, **kwargs):
        """Sets connection values: a dictionary (one value for all, lists with one value per connection, or
        Parameters), a list of dictionaries (one per connection), or keyword arguments."""
        if kwargs and params is None:
            params = kwargs
        elif kwargs and params:
            raise TypeError("must either provide params or kwargs, but not both.")
        if isinstance(params, dict):
            params = _prepared_status_dict(params)
        elif isinstance(params, (list, tuple)):
            params = list(params)
        else:
            raise TypeError("params must be a dict or a list of dicts")
        _host.call("sc_set", sc=self, params=params)

    def sources(self):
        """The source of each connection."""
        return iter(self._column("source"))

    def targets(self):
        """The target of each connection."""
        return iter(self._column("target"))

    def _column(self, key):
        if self._size == 0:
            return []
        value = _host.call("sc_get", sc=self, keys=key)
        return [value] if self._size == 1 else _as_list(value)

    def disconnect(self):
        """Removes these connections."""
        _host.call("Disconnect", sc=self)

    @property
    def distance(self):
        """The distance between source and target of each connection (NaN where either has no position)."""
        if self._size == 0:
            return []
        return [float(d) for d in _host.call("sc_distance", sc=self)]

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return self.get(name)

    def __setattr__(self, name, value):
        if name.startswith("_") or name == "print_full":
            object.__setattr__(self, name, value)
        else:
            self.set({name: value})


_host.encoders[SynapseCollection] = lambda synapses: {"__sc__": synapses._handle}
_host.decoders["__sc__"] = SynapseCollection._wrap
