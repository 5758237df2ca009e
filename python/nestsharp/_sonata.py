"""PyNEST's SonataNetwork: SONATA networks built and simulated by NestSharp's C# SonataNetwork, which reads the
configuration, the HDF5 and CSV files and the JSON parameter files (no h5py or pandas is needed). The order checks and
the argument checks of PyNEST's Python class are kept here, with its messages."""

import json
from pathlib import Path, PurePath

from . import _host

__all__ = ["SonataNetwork"]


class SonataNetwork:
    """Class for building and simulating networks represented by the SONATA format (PyNEST's ``nest.SonataNetwork``).

    ``config`` is the circuit configuration (JSON), ``sim_config`` an optional separate simulation configuration whose
    top-level entries replace those of the first. The constructor sets the kernel's resolution to the configuration's
    ``run.dt``. ``BuildNetwork()`` (``Create()`` then ``Connect()``) returns the node collections by population name;
    ``Simulate()`` simulates for ``run.tstop`` (or ``run.duration``).
    """

    _handle = None

    def __init__(self, config, sim_config=None):
        self._are_nodes_created = False
        self._is_network_built = False
        self._hyperslab_size_default = 2**20
        for path in (config, sim_config):
            if path is not None and not isinstance(path, (str, PurePath, Path)):
                raise TypeError("Path to JSON configuration file must be passed as 'str' or 'pathlib.Path'.")
        self._handle = _host.call("sonata_new", config=str(config), sim_config=None if sim_config is None else str(sim_config))

    def __del__(self):
        if self._handle is not None and _host.release is not None:  # at interpreter exit the module may be gone
            _host.release(self._handle)

    def Create(self):
        """Creates the network's nodes; returns a dictionary of the NodeCollection of each population."""
        nodes = _host.call("sonata_create", net=self._handle)
        self._are_nodes_created = True
        return nodes

    def Connect(self, hdf5_hyperslab_size=None):
        """Connects the nodes as the edge files say, reading them in hyperslabs of ``hdf5_hyperslab_size`` rows
        (default ``2**20``)."""
        if not self._are_nodes_created:
            raise RuntimeError("The SONATA network nodes must be created before any connections can be made.")
        if hdf5_hyperslab_size is None:
            hdf5_hyperslab_size = self._hyperslab_size_default
        self._verify_hyperslab_size(hdf5_hyperslab_size)
        _host.call("sonata_connect", net=self._handle, hdf5_hyperslab_size=int(hdf5_hyperslab_size))
        self._is_network_built = True

    @staticmethod
    def _verify_hyperslab_size(hyperslab_size):
        if not isinstance(hyperslab_size, int):
            raise TypeError("hdf5_hyperslab_size must be passed as int")
        if hyperslab_size <= 0:
            raise ValueError("hdf5_hyperslab_size must be strictly positive")

    def BuildNetwork(self, hdf5_hyperslab_size=None):
        """``Create()`` and then ``Connect(hdf5_hyperslab_size)``; returns the node collections by population name."""
        if hdf5_hyperslab_size is not None:
            self._verify_hyperslab_size(hdf5_hyperslab_size)
        node_collections = self.Create()
        self.Connect(hdf5_hyperslab_size=hdf5_hyperslab_size)
        return node_collections

    def Simulate(self):
        """Simulates for the configuration's ``run.tstop`` (or ``run.duration``)."""
        if not self._is_network_built:
            raise RuntimeError("The SONATA network must be built before a simulation can be done.")
        _host.call("sonata_simulate", net=self._handle)

    @property
    def node_collections(self):
        return _host.call("sonata_node_collections", net=self._handle)

    @property
    def config(self):
        return json.loads(_host.call("sonata_config", net=self._handle))
