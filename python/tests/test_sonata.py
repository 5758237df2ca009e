"""nest.SonataNetwork: PyNEST's class over NestSharp's C# SonataNetwork. The example network of a NEST checkout
(NEST_SOURCE_DIR, or ../nest-src beside the repository) is built when one is there; the error paths need no data."""

import os
from pathlib import Path

import pytest

import nestsharp as nest

from conftest import REPO_DIR

_CHECKOUT = os.environ.get("NEST_SOURCE_DIR") or os.path.join(os.path.dirname(REPO_DIR), "nest-src")
_EXAMPLE = Path(_CHECKOUT) / "pynest" / "examples" / "sonata_example" / "300_pointneurons"
_have_example = (_EXAMPLE / "circuit_config.json").is_file()


def test_build_info_says_hdf5_is_there():
    assert nest.build_info["have_hdf5"] is True


def test_missing_config_is_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError, match="no_such.json"):
        nest.SonataNetwork(tmp_path / "no_such.json")


def test_config_must_be_a_path():
    with pytest.raises(TypeError, match="must be passed as 'str' or 'pathlib.Path'"):
        nest.SonataNetwork(42)


@pytest.mark.skipif(not _have_example, reason="no NEST checkout with pynest/examples/sonata_example (set NEST_SOURCE_DIR)")
def test_example_network_builds_and_simulates():
    net = nest.SonataNetwork(_EXAMPLE / "circuit_config.json", _EXAMPLE / "simulation_config.json")
    assert nest.resolution == 0.01
    with pytest.raises(RuntimeError, match="must be created before any connections"):
        net.Connect()
    with pytest.raises(TypeError, match="must be passed as int"):
        net.BuildNetwork(hdf5_hyperslab_size=2.5)
    with pytest.raises(ValueError, match="strictly positive"):
        net.BuildNetwork(hdf5_hyperslab_size=0)
    populations = net.BuildNetwork(hdf5_hyperslab_size=2**12)
    assert sorted(populations) == ["external", "internal"]
    assert len(populations["internal"]) == 300 and len(populations["external"]) == 100
    assert sorted(net.node_collections) == ["external", "internal"]
    assert net.config["run"]["tstop"] == 1500.0
    assert nest.num_connections == 48432
    srec = nest.Create("spike_recorder")
    nest.Connect(populations["internal"], srec)
    net.Simulate()
    assert srec.n_events == 18828
