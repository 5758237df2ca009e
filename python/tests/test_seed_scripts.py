"""The seed PyNEST scripts run on nestsharp with only their import changed, at small sizes, and give the numbers of
the C# experiments of the `nestsharp` command (same model, order or length, and seed)."""

import csv
import glob
import os

import numpy
import pytest

import seedscripts


def _spikes(files):
    """The (sender, time) lines of NEST ASCII spike files, sorted."""
    rows = []
    for name in files:
        with open(name, encoding="utf-8") as file:
            rows += [line.split() for line in file if line[0].isdigit()]
    return sorted((int(s), float(t)) for s, t in rows)


def _csv(path):
    with open(path, encoding="utf-8") as file:
        return list(csv.DictReader(file))


def test_brunel_alpha_gives_the_spikes_of_nestsharp_brunel(tmp_path):
    output, result = seedscripts.run(
        "brunel_alpha_nest.py", tmp_path,
        substitutions=[("order = 2500", "order = 50"), ("simtime = 1000.0", "simtime = 300.0")],
        epilogue="{'events_ex': int(events_ex), 'events_in': int(events_in), 'synapses': int(num_synapses),"
                 " 'figures': len(plt.get_fignums())}",
    )
    assert "Brunel network simulation (Python)" in output
    assert result["synapses"] == 250 * 25 + 250 + 100  # recurrent, noise, recorded
    assert result["figures"] == 1
    script_ex = _spikes(glob.glob(str(tmp_path / "brunel-py-ex-*.dat")))
    script_in = _spikes(glob.glob(str(tmp_path / "brunel-py-in-*.dat")))
    assert len(script_ex) == result["events_ex"] > 0

    seedscripts.run_cli(["brunel", "--order", "50", "--simtime", "300", "--out", "cli"], tmp_path)
    assert script_ex == _spikes(glob.glob(str(tmp_path / "cli" / "brunel-py-ex-*.dat")))
    assert script_in == _spikes(glob.glob(str(tmp_path / "cli" / "brunel-py-in-*.dat")))


def test_urbanczik_gives_the_spikes_and_weights_of_nestsharp_urbanczik(tmp_path):
    _, result = seedscripts.run(
        "urbanczik_synapse_example.py", tmp_path,
        substitutions=[("n_pattern_rep = 100 ", "n_pattern_rep = 3 ")],
        epilogue="{'soma_spikes': [float(t) for t in spike_times_soma], 'weights': [float(w) for w in weights],"
                 " 'figures': len(plt.get_fignums())}",
    )
    assert result["figures"] >= 2
    seedscripts.run_cli(["urbanczik", "--repetitions", "3", "--out", "cli"], tmp_path)
    cli_spikes = [float(row["time"]) for row in _csv(tmp_path / "cli" / "urbanczik_soma_spikes.csv")]
    cli_weights = [float(row["weight"]) for row in _csv(tmp_path / "cli" / "urbanczik_weights.csv")]
    assert len(result["soma_spikes"]) > 0
    assert result["soma_spikes"] == pytest.approx(cli_spikes, abs=1e-9)
    assert result["weights"] == pytest.approx(cli_weights, rel=1e-12)


def test_structural_plasticity_gives_the_series_of_nestsharp_structural_plasticity(tmp_path):
    _, result = seedscripts.run(
        "structural_plasticity.py", tmp_path,
        substitutions=[("self.t_sim = 200000.0", "self.t_sim = 25000.0")],
        epilogue="{'ca_e': [float(x) for x in example.mean_ca_e], 'ca_i': [float(x) for x in example.mean_ca_i],"
                 " 'conn_e': [int(x) for x in example.total_connections_e],"
                 " 'conn_i': [int(x) for x in example.total_connections_i]}",
    )
    seedscripts.run_cli(["structural-plasticity", "--simtime", "25000", "--out", "cli"], tmp_path)
    rows = _csv(tmp_path / "cli" / "structural_plasticity.csv")
    # Both record after each second; the first synapses appear after the update at 20 s.
    assert result["conn_e"] == [int(r["connections_e"]) for r in rows]
    assert result["conn_i"] == [int(r["connections_i"]) for r in rows]
    assert result["ca_e"] == pytest.approx([float(r["mean_ca_e"]) for r in rows], rel=1e-12)
    assert result["ca_i"] == pytest.approx([float(r["mean_ca_i"]) for r in rows], rel=1e-12)
    assert result["conn_e"][-1] > 0
    assert os.path.isfile(tmp_path / "StructuralPlasticityExample.eps")


def test_clopath_network_gives_the_weights_of_nestsharp_clopath(tmp_path):
    # The script draws the centre of its input profile in each interval from Python's unseeded `random`; the C#
    # experiment draws them from its seed and writes them out. Given the C# run's centres, the script must give its
    # weight changes exactly.
    seedscripts.run_cli(["clopath", "--simtime", "1000", "--out", "cli"], tmp_path)
    centers = [int(row["center"]) for row in _csv(tmp_path / "cli" / "clopath_input_centers.csv")]
    assert len(centers) == 10 and all(25 <= c <= 475 and (c - 25) % 50 == 0 for c in centers)
    _, result = seedscripts.run(
        "clopath_synapse_small_network.py", tmp_path,
        substitutions=[
            ("simulation_time = 1.0e4", "simulation_time = 1000.0"),
            ("pg_mu = 25 + random.randint(0, 9) * 50", f"pg_mu = {centers}[i]"),
        ],
        epilogue="{'change': (weight_matrix - init_w_matrix).tolist(), 'figures': len(plt.get_fignums())}",
    )
    assert result["figures"] == 1
    script_change = numpy.array(result["change"])
    with open(tmp_path / "cli" / "clopath_weight_change.csv", encoding="utf-8") as file:
        rows = [line.split(",")[1:] for line in file if line[0].isdigit()]
    cli_change = numpy.array([[float(v) for v in row] for row in rows])
    off_diagonal = ~numpy.eye(10, dtype=bool)
    assert numpy.all(numpy.isnan(cli_change[~off_diagonal]))
    assert numpy.any(script_change[off_diagonal] != 0.0)  # the weights learned
    assert script_change[off_diagonal].tolist() == cli_change[off_diagonal].tolist()


_IGNORE_AND_FIRE_SIZE = [
    ('pars["N"] = 12500 ', 'pars["N"] = 2500 '),
    ('pars["K"] = 1250 ', 'pars["K"] = 125 '),
    ('pars["T"] = 10000.0 ', 'pars["T"] = 500.0 '),
]
_IGNORE_AND_FIRE_MODULES = [
    ("parameter_dicts", "ignore_and_fire/parameter_dict-ignore_and_fire.py", _IGNORE_AND_FIRE_SIZE),
    ("model", "ignore_and_fire/model-ignore_and_fire.py", []),
]


@pytest.mark.parametrize("neuron_model", ["ignore_and_fire", "iaf_psc_alpha"])
def test_ignore_and_fire_reference_data_equal_nestsharp_ignore_and_fire(tmp_path, neuron_model):
    # psutil (imported, not used by the script) is not among Debian's default Python packages here.
    seedscripts.run(
        "ignore_and_fire/generate_reference_data-ignore_and_fire.py", tmp_path,
        substitutions=[("import psutil\n", "")], modules=_IGNORE_AND_FIRE_MODULES, argv=[neuron_model],
    )
    seedscripts.run_cli(["ignore-and-fire", "--neuron-model", neuron_model, "--N", "2500", "--K", "125", "--T", "500",
                         "--out", "cli"], tmp_path)
    script_dir, cli_dir = tmp_path / "data" / neuron_model, tmp_path / "cli" / neuron_model
    script_spikes = _spikes(glob.glob(str(script_dir / "spikes-*.dat")))
    assert len(script_spikes) > 0
    assert script_spikes == _spikes(glob.glob(str(cli_dir / "spikes-*.dat")))
    for name in ("connectivity_presim.dat", "connectivity_postsim.dat"):
        script_matrix = numpy.loadtxt(script_dir / name)
        cli_matrix = numpy.loadtxt(cli_dir / name)
        assert script_matrix.shape == cli_matrix.shape
        assert numpy.allclose(script_matrix, cli_matrix, rtol=1e-12, atol=0.0)


def test_ignore_and_fire_reference_figures_are_drawn(tmp_path):
    seedscripts.run(
        "ignore_and_fire/generate_reference_data-ignore_and_fire.py", tmp_path,
        substitutions=[("import psutil\n", "")], modules=_IGNORE_AND_FIRE_MODULES, argv=["ignore_and_fire"],
    )
    (tmp_path / "figures").mkdir()  # the script saves there without making it
    # text.usetex needs a LaTeX installation, which these machines lack: the figures are drawn with matplotlib's mathtext.
    seedscripts.run(
        "ignore_and_fire/generate_reference_figures-ignore_and_fire.py", tmp_path,
        substitutions=[('rcParams["text.usetex"] = True', 'rcParams["text.usetex"] = False')],
        modules=_IGNORE_AND_FIRE_MODULES, argv=["ignore_and_fire"],
    )
    figures = sorted(os.listdir(tmp_path / "figures"))
    assert figures == [
        "TwoPopulationNetworkPlastic_ignore_and_fire_connectivity_postsim.png",
        "TwoPopulationNetworkPlastic_ignore_and_fire_connectivity_presim.png",
        "TwoPopulationNetworkPlastic_ignore_and_fire_spikes.png",
        "TwoPopulationNetworkPlastic_ignore_and_fire_weight_distributions.png",
    ]
