"""PyNEST 3.10's API on NestSharp: each test states one behaviour a PyNEST user relies on (checked against NEST 3.10)."""

import os
import re
import subprocess
import sys

import numpy
import pandas
import pytest

import nestsharp as nest
from nestsharp import _host


# ---------------------------------------------------------------- kernel


def test_kernel_attributes_read_and_write_the_kernel_status():
    nest.resolution = 0.25
    nest.rng_seed = 12
    assert nest.resolution == 0.25
    assert nest.GetKernelStatus("rng_seed") == 12
    assert nest.get("resolution", "rng_seed") == (0.25, 12)
    nest.set(print_time=False, local_num_threads=2)
    assert nest.local_num_threads == 2


def test_unknown_kernel_attribute_is_an_attribute_error():
    with pytest.raises(AttributeError):
        nest.no_such_key = 3


def test_unknown_and_read_only_kernel_keys_are_value_errors_or_warnings():
    with pytest.raises(ValueError):
        nest.SetKernelStatus({"nonexistent_status_key": 0})
    with pytest.raises(ValueError):
        nest.SetKernelStatus({"network_size": 120})
    with pytest.raises(AttributeError):
        nest.network_size = 120
    with pytest.warns(UserWarning):
        nest.SetKernelStatus({"dict_miss_is_error": False, "nonexistent_status_key": 0, "resolution": 0.5})
    assert nest.resolution == 0.5


def test_kernel_attributes_are_descriptors_of_the_module_type_with_defaults():
    nest.keep_source_table = False
    assert type(nest).keep_source_table._default is True
    assert nest.kernel_status["keep_source_table"] is False
    assert nest.kernel_status["spike_buffer_resize_log"]["times"].size == 0


def test_integers_beyond_64_bits_are_overflow_errors():
    n = nest.Create("iaf_psc_alpha")
    n.V_m = 2**63 - 1
    with pytest.raises(OverflowError):
        n.V_m = 2**63


def test_biological_time_advances_with_simulate_and_run():
    nest.Simulate(10.0)
    with nest.RunManager():
        nest.Run(5.0)
        nest.Run(5.0)
    assert nest.biological_time == pytest.approx(20.0)


def test_reset_kernel_discards_nodes():
    nest.Create("iaf_psc_alpha", 5)
    nest.ResetKernel()
    assert nest.network_size == 0


def test_version_names_nestsharp():
    assert "NestSharp" in nest.version()
    assert "nestsharp" in nest.__version__


def test_assemblies_with_other_entry_points_are_refused_with_a_clear_error():
    # A package whose assemblies were built before its Python code changed must not call them with other signatures.
    # Importing the package starts the runtime; the script loads the entry points again expecting another version.
    script = "import nestsharp._host as h; h._runtime = None; h._INTERFACE_VERSION = 99; h.runtime()"
    package_dir = os.path.dirname(os.path.dirname(nest.__file__))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([package_dir, os.environ.get("PYTHONPATH", "")]))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode != 0
    assert "this package needs 99: build them again with 'python/build.sh'" in result.stderr


# ---------------------------------------------------------------- models


def test_models_lists_node_and_synapse_models():
    assert "iaf_psc_alpha" in nest.node_models
    assert "stdp_synapse" in nest.synapse_models
    assert set(nest.Models()) == set(nest.node_models) | set(nest.synapse_models)


def test_copy_model_and_defaults():
    nest.CopyModel("static_synapse", "excitatory", {"weight": 2.5, "delay": 1.5})
    assert nest.GetDefaults("excitatory", "weight") == 2.5
    nest.SetDefaults("iaf_psc_alpha", {"C_m": 200.0})
    assert nest.Create("iaf_psc_alpha").C_m == 200.0
    assert nest.GetDefaults("iaf_psc_alpha", ["C_m", "tau_m"]) == [200.0, 10.0]


def test_receptor_types_are_a_dictionary():
    receptors = nest.GetDefaults("pp_cond_exp_mc_urbanczik")["receptor_types"]
    assert isinstance(receptors, dict)
    assert "dendritic_exc" in receptors


# ---------------------------------------------------------------- errors


def test_nest_errors_are_classes_of_nest_kernel():
    with pytest.raises(nest.kernel.NESTErrors.UnknownModelName):
        nest.Create("no_such_model")
    with pytest.raises(nest.NESTError):
        nest.Create("iaf_psc_alpha", params={"C_m": -1.0})
    with pytest.raises(nest.NESTErrors.BadProperty):
        nest.Create("iaf_psc_alpha", params={"C_m": -1.0})
    assert issubclass(nest.NESTErrors.IllegalConnection, nest.kernel.NESTError)


def test_a_failing_set_changes_nothing():
    nodes = nest.Create("iaf_psc_alpha", 2)
    with pytest.raises(nest.NESTErrors.UnaccessedDictionaryEntry):
        nodes.set(V_m=-50.0, no_such_key=1.0)
    assert nodes.V_m == (-70.0, -70.0)


def test_get_of_an_unknown_key_is_a_key_error():
    with pytest.raises(KeyError):
        nest.Create("iaf_psc_alpha").get("no_such_key")


# ---------------------------------------------------------------- NodeCollection


def test_node_collection_indexing_slicing_and_joining():
    a = nest.Create("iaf_psc_alpha", 10)
    b = nest.Create("parrot_neuron", 3)
    assert len(a) == 10
    assert a[0].tolist() == [1]
    assert a[-1].global_id == 10
    assert a[2:8:3].tolist() == [3, 6]
    assert a[[0, 4]].tolist() == [1, 5]
    assert (a + b).tolist() == list(range(1, 14))
    assert (b + a[:2]).tolist() == [1, 2, 11, 12, 13]
    assert 11 in b and 3 not in b
    assert [n.global_id for n in b] == [11, 12, 13]
    assert a[:2] == nest.NodeCollection([1, 2])
    assert a[:2] != a[1:3]
    assert b.index(12) == 1


def test_items_and_copies_of_a_node_collection_outlive_it_and_fail_after_reset_kernel():
    nodes = nest.Create("iaf_psc_alpha", 5, params={"I_e": 100.0})
    item, copy = nodes[3], nest.NodeCollection(nodes)
    assert item[0] == item and item == nest.NodeCollection([4])
    # Items of items and copies name the collection with the handle directly.
    assert _host.encode(item[0][0]) == _host.encode(nest.NodeCollection(item)) == _host.encode(item)
    assert _host.encode(copy[3]) == _host.encode(item)
    assert str(item) == str(nest.NodeCollection([4]))
    del nodes
    for _ in range(300):  # enough collected wrappers to release handles
        nest.Create("parrot_neuron")[0].global_id
    assert item.get("I_e") == 100.0 and copy.tolist() == [1, 2, 3, 4, 5]
    nest.Connect(copy[0], item)
    assert nest.GetConnections(copy[0]).target == 4
    nest.ResetKernel()
    with pytest.raises(nest.kernel.NESTError, match="InvalidNodeCollection"):
        item.get("I_e")


def test_node_collection_index_errors_are_pynest_s():
    nodes = nest.Create("iaf_psc_alpha", 5)
    for bad in ([2, 5.5], [[True, False], [True, False]], [1, False, 1, False, 1], numpy.array([[1, 2], [3, 4]])):
        with pytest.raises(TypeError):
            nodes[bad]
    with pytest.raises(IndexError):
        nodes[[True] * 4]


def test_per_node_lists_too_short_are_index_errors_longer_are_cut_and_set_defaults_takes_single_values():
    with pytest.raises(IndexError):
        nest.Create("iaf_psc_alpha", 3, {"V_m": [-50.0]})
    nodes = nest.Create("iaf_psc_alpha", 3)
    with pytest.raises(IndexError):
        nodes.set(V_reset=[-85.0, -82.0])
    nodes.set(V_reset=[-85.0, -82.0, -80.0])
    # a longer list: PyNEST takes the first entries (NEST's store_restore_network.py relies on it)
    nodes.set(V_reset=numpy.array([-70.0, -71.0, -72.0, -73.0]))
    assert nodes.V_reset == (-70.0, -71.0, -72.0)
    assert nest.Create("iaf_psc_alpha", 2, {"V_m": [-60.0, -61.0, -62.0]}).V_m == (-60.0, -61.0)
    with pytest.raises(nest.NESTError):
        nodes.set(no_such_key=[1.0, 2.0, 3.0, 4.0])
    for bad in ([1.0, 2.0, 3.0], nest.random.uniform(0.0, 1.0)):
        with pytest.raises(ValueError):
            nest.SetDefaults("iaf_psc_alpha", "tau_syn_ex", bad)
    nest.SetDefaults("spike_generator", {"spike_times": [1.0, 2.0]})


def test_get_with_a_dictionary_of_keys_and_hierarchical_addressing():
    n = nest.Create("iaf_psc_alpha", 2, {"I_e": 400.0})
    mm = nest.Create("multimeter", params={"record_from": ["V_m"], "interval": 1.0})
    nest.Connect(mm, n)
    nest.Simulate(3.0)
    assert n.get({"I_e": 0.0, "C_m": 0.0}) == {"I_e": (400.0, 400.0), "C_m": (250.0, 250.0)}
    # PyNEST takes the path from the first argument and the names from the last
    assert numpy.array_equal(mm.get("events", "times", "V_m"), mm.get("events", "V_m"))


def test_node_collection_get_single_node_gives_values_several_give_tuples():
    nodes = nest.Create("iaf_psc_alpha", 3, params={"V_m": [-60.0, -61.0, -62.0]})
    assert nodes[0].get("V_m") == -60.0
    assert nodes.get("V_m") == (-60.0, -61.0, -62.0)
    assert nodes.get(["V_m", "C_m"]) == {"V_m": (-60.0, -61.0, -62.0), "C_m": (250.0, 250.0, 250.0)}
    assert nodes.V_m == (-60.0, -61.0, -62.0)
    assert isinstance(nodes.get()["C_m"], tuple)


def test_node_collection_get_as_pandas():
    nodes = nest.Create("iaf_psc_alpha", 3)
    frame = nodes.get(["V_m", "C_m"], output="pandas")
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.index) == [1, 2, 3]
    assert list(frame["C_m"]) == [250.0] * 3


def test_node_collection_set_with_scalars_lists_dicts_and_parameters():
    nodes = nest.Create("iaf_psc_alpha", 3)
    nodes.V_m = -55.0
    assert nodes.V_m == (-55.0,) * 3
    nodes.set({"V_m": [-1.0, -2.0, -3.0]})
    assert nodes.V_m == (-1.0, -2.0, -3.0)
    nodes.set([{"V_m": -4.0}, {"V_m": -5.0}, {"V_m": -6.0}])
    assert nodes.V_m == (-4.0, -5.0, -6.0)
    nodes.V_m = nest.random.uniform(-70.0, -60.0)
    assert all(-70.0 <= v < -60.0 for v in nodes.V_m)


def test_create_with_a_list_of_dictionaries():
    nodes = nest.Create("iaf_psc_alpha", 2, [{"V_m": -1.0}, {"V_m": -2.0}])
    assert nodes.V_m == (-1.0, -2.0)


def test_create_with_random_parameters_is_reproducible_for_a_seed():
    def draw():
        nest.ResetKernel()
        nest.rng_seed = 7
        return nest.Create("iaf_psc_alpha", 100, params={"V_m": nest.random.normal(-60.0, 5.0)}).V_m

    assert draw() == draw()


def test_parameter_arithmetic_and_math():
    nodes = nest.Create("iaf_psc_alpha", 50)
    nodes.V_m = -70.0 + 10.0 * nest.random.uniform()
    assert all(-70.0 <= v < -60.0 for v in nodes.V_m)
    nodes.V_m = nest.math.redraw(nest.random.normal(-65.0, 10.0), -70.0, -60.0)
    assert all(-70.0 <= v <= -60.0 for v in nodes.V_m)
    nodes.V_m = nest.logic.conditional(nest.random.uniform() < 0.5, -61.0, -62.0)
    assert set(nodes.V_m) <= {-61.0, -62.0}
    assert nest.math.exp(nest.CreateParameter("constant", {"value": 0.0})).GetValue() == 1.0


# ---------------------------------------------------------------- recording and bulk arrays


def test_events_arrive_as_numpy_arrays():
    generator = nest.Create("spike_generator", params={"spike_times": numpy.arange(1.0, 101.0)})
    parrots = nest.Create("parrot_neuron", 2)
    recorder = nest.Create("spike_recorder")
    nest.Connect(generator, parrots)
    nest.Connect(parrots, recorder)
    nest.Simulate(200.0)
    events = recorder.events
    assert isinstance(events["times"], numpy.ndarray) and events["times"].dtype == numpy.float64
    assert isinstance(events["senders"], numpy.ndarray) and events["senders"].dtype == numpy.int64
    assert recorder.n_events == 200
    assert sorted(set(events["senders"].tolist())) == [2, 3]
    assert recorder.get("events", "times").shape == (200,)
    recorder.n_events = 0
    assert recorder.n_events == 0


def test_multimeter_samples_arrive_as_arrays():
    neuron = nest.Create("iaf_psc_alpha", params={"I_e": 400.0})
    meter = nest.Create("multimeter", params={"record_from": ["V_m"], "interval": 1.0})
    nest.Connect(meter, neuron)
    nest.Simulate(50.0)
    assert len(meter.events["V_m"]) == 49


def test_many_values_cross_in_one_array():
    nodes = nest.Create("iaf_psc_alpha", 1000)
    values = numpy.linspace(-70.0, -60.0, 1000)
    nodes.V_m = values
    assert numpy.array_equal(numpy.array(nodes.V_m), values)


def test_long_lists_of_numbers_cross_as_arrays_and_keep_their_kind():
    assert isinstance(_host.encode([0.5] * 40), dict) and isinstance(_host.encode(list(range(40))), dict)
    assert isinstance(_host.encode([1] * 39 + [True]), list)  # integers mixed with booleans cross as they are
    assert isinstance(_host.encode(["a"] * 40), list) and isinstance(_host.encode([[1.0, 2.0]] * 40), list)
    nodes = nest.Create("iaf_psc_alpha", 1000)
    nodes.V_m = [-60.0 - i / 100 for i in range(1000)]
    assert nodes.V_m[999] == -60.0 - 999 / 100
    nodes.set({"E_L": [-65] * 1000, "I_e": 2.0})
    assert nodes.E_L == (-65.0,) * 1000 and nodes.I_e[500] == 2.0
    with pytest.raises(nest.NESTErrors.BadProperty):
        nodes.V_reset = [-60.0] * 999 + [-50.0]  # not below V_th = -55 mV
    assert nodes.V_reset == (-70.0,) * 1000


# ---------------------------------------------------------------- connections


def test_connect_rules_and_get_connections():
    a = nest.Create("iaf_psc_alpha", 10)
    b = nest.Create("iaf_psc_alpha", 10)
    nest.Connect(a, b, {"rule": "fixed_indegree", "indegree": 3}, {"weight": 2.0, "delay": 1.5})
    nest.Connect(a, b, "one_to_one", "static_synapse")
    conns = nest.GetConnections(a, b)
    assert len(conns) == 40
    assert nest.num_connections == 40
    assert sorted(set(conns.get("weight"))) == [1.0, 2.0]
    assert isinstance(conns.get("weight"), list)
    frame = conns.get(["source", "target"], output="pandas")
    assert len(frame) == 40


def test_connect_with_arrays_of_weights_and_random_delays():
    a = nest.Create("iaf_psc_alpha", 5)
    b = nest.Create("iaf_psc_alpha", 5)
    weights = numpy.arange(1.0, 6.0)
    nest.Connect(a, b, "one_to_one", {"weight": weights, "delay": nest.random.uniform(1.0, 2.0)})
    conns = nest.GetConnections(a, b)
    assert conns.weight == weights.tolist()
    assert all(1.0 <= d <= 2.0 for d in conns.delay)


def test_connect_node_id_arrays_and_return_synapsecollection():
    nest.Create("iaf_psc_alpha", 4)
    conns = nest.Connect(numpy.array([1, 2]), numpy.array([3, 4]), "one_to_one", return_synapsecollection=True)
    assert conns.get("source") == [1, 2] and conns.get("target") == [3, 4]


def test_arrays_repeating_ids_connect_pairwise_and_must_match():
    nest.Create("iaf_psc_alpha", 4)
    nest.Connect([1, 1, 2], [3, 4, 4], syn_spec={"synapse_model": "static_synapse", "weight": 2.0})
    conns = nest.GetConnections()
    assert sorted(zip(conns.get("source"), conns.get("target"))) == [(1, 3), (1, 4), (2, 4)]
    with pytest.raises(ValueError):
        nest.Connect([1, 2, 3], [4, 4, 4])  # a unique array with one that repeats ids
    with pytest.raises(ValueError):
        nest.Connect([1, 1], [4, 4, 4])


def test_synapse_collection_empty_and_after_reset_kernel():
    assert nest.GetConnections().get("weight") == ()
    a = nest.Create("iaf_psc_alpha", 2)
    nest.Connect(a, a, "one_to_one")
    conns = nest.GetConnections()
    frame = conns.get("weight", output="pandas")
    assert frame.index.tolist() == [1, 2]
    nest.ResetKernel()
    assert conns.get() == {} and conns.get("weight") == ()


def test_symmetric_pairwise_bernoulli_connects_both_ways():
    pop = nest.Create("iaf_psc_alpha", 30)
    nest.Connect(pop, pop, {"rule": "symmetric_pairwise_bernoulli", "p": 0.3, "allow_autapses": False,
                            "make_symmetric": True})
    pairs = list(zip(nest.GetConnections().get("source"), nest.GetConnections().get("target")))
    assert pairs and sorted(pairs) == sorted((t, s) for s, t in pairs)
    with pytest.raises(nest.NESTErrors.BadProperty):
        nest.Connect(pop, pop, {"rule": "symmetric_pairwise_bernoulli", "p": 0.3, "make_symmetric": True})


def test_synapse_collection_set_index_slice_and_disconnect():
    a = nest.Create("iaf_psc_alpha", 3)
    nest.Connect(a, a, "all_to_all", {"synapse_model": "stdp_synapse"})
    conns = nest.GetConnections()
    conns.set(weight=[float(i) for i in range(9)])
    assert conns[4].weight == 4.0
    assert conns[1:3].get("weight") == [1.0, 2.0]
    conns[0].Wmax = 50.0
    assert conns[0].get("Wmax") == 50.0
    nest.Disconnect(conns[0])
    assert len(nest.GetConnections()) == 8
    nest.Disconnect(a[1], a[2], conn_spec="one_to_one", syn_spec={"synapse_model": "stdp_synapse"})
    assert len(nest.GetConnections()) == 7


def test_disconnect_refuses_arguments_as_pynest_does():
    # NEST 3.10 structural_plasticity/test_disconnect.py::TestDisconnectSingle::test_disconnect_synapsecollection_raises
    pre, post = nest.Create("iaf_psc_alpha", 2)
    nest.Connect(pre, post, "one_to_one")
    conns = nest.GetConnections()
    with pytest.raises(TypeError):
        nest.Disconnect([1])
    with pytest.raises(ValueError):
        nest.Disconnect(conns, conn_spec="one_to_one")
    with pytest.raises(ValueError):
        nest.Disconnect(conns, syn_spec="static_synapse")
    with pytest.raises(TypeError):
        nest.Disconnect(pre, post, conns)
    with pytest.raises(TypeError):
        nest.Disconnect(pre, post, "one_to_one")
    assert len(nest.GetConnections()) == 1


def test_illegal_connection_raises_nest_error():
    generator = nest.Create("dc_generator")
    recorder = nest.Create("spike_recorder")
    with pytest.raises(nest.NESTError):
        nest.Connect(generator, recorder)


def test_collocated_synapses():
    a = nest.Create("iaf_psc_alpha", 2)
    nest.Connect(a, a, "one_to_one", nest.CollocatedSynapses({"weight": -2.0}, {"weight": 3.0}))
    assert sorted(nest.GetConnections().weight) == [-2.0, -2.0, 3.0, 3.0]


# ---------------------------------------------------------------- the bridge


def test_collected_collections_release_their_handles():
    start = _host.call("handle_count")
    for _ in range(600):
        nest.Create("iaf_psc_alpha")[0]
    assert _host.call("handle_count") - start < 600


def test_bulk_arrays_do_not_pile_up_after_errors():
    with pytest.raises(nest.NESTErrors.UnknownModelName):
        nest.Create("no_such_model", 2, params={"V_m": numpy.zeros(2000)})
    assert nest.Create("iaf_psc_alpha", 2000, params={"V_m": numpy.zeros(2000)}).get("V_m")[1999] == 0.0


def test_local_vps_agree_with_the_threads_and_vps_of_the_nodes():
    # as NEST's mpi_direct/4/test_consistent_local_vps, in one process
    nest.ResetKernel()
    nest.total_num_virtual_procs = 3
    local_vps = list(nest.GetLocalVPs())
    assert local_vps == [0, 1, 2]
    nrns = nest.Create("iaf_psc_delta", 6)
    local_nrns = nrns[nrns.local]
    assert list(local_nrns.vp) == [local_vps[t] for t in local_nrns.thread]
    assert list(nrns.vp) == [n % 3 for n in nrns.tolist()]


def test_message_prints_as_nests_logger_and_print_nodes_lists_the_model_ranges(capsys):
    nest.set_verbosity("M_INFO")
    nest.message("Creating excitatory population.")
    nest.message("not shown", nest.VerbosityLevel.STATUS)
    nest.message("a warning", nest.VerbosityLevel.WARNING)
    out, err = capsys.readouterr()
    assert re.fullmatch(r"\[INFO\] \[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\] Creating excitatory population\.\n", out)
    assert re.fullmatch(r"\[WARNING\] \[[-\d :]+\] a warning\n", err)
    nest.set_verbosity("M_ERROR")
    nest.message("quiet now", nest.VerbosityLevel.WARNING)
    assert capsys.readouterr() == ("", "")
    nest.set_verbosity("M_INFO")

    nest.Create("iaf_psc_alpha", 10)
    nest.Create("spike_recorder")
    nest.PrintNodes()
    assert capsys.readouterr().out == " 1 .. 10 iaf_psc_alpha\n11       spike_recorder\n"
    assert nest.ConnectionRules() == tuple(sorted(nest.connection_rules))


def test_serialize_data_and_to_json_are_pynest_s():
    nodes = nest.Create("iaf_psc_alpha", 3)
    nest.Connect(nodes[0], nodes[1])
    data = {"ids": nodes, "v": numpy.array([1.5, 2.5]), "n": numpy.int64(4), "on": numpy.bool_(True), "t": (1, numpy.float32(0.5))}
    plain = nest.serialize_data(data)
    assert plain == {"ids": [1, 2, 3], "v": [1.5, 2.5], "n": 4, "on": True, "t": [1, 0.5]}
    assert type(plain["n"]) is int and type(plain["on"]) is bool
    connections = nest.serialize_data(nest.GetConnections())
    assert connections["source"] == 1 and connections["target"] == 2
    assert nest.to_json({"a": numpy.arange(2)}, indent=1) == '{\n "a": [\n  0,\n  1\n ]\n}'


def test_help_shows_a_models_summary_or_says_there_is_none(capsys):
    text = nest.help("iaf_psc_exp", return_text=True)
    assert text.startswith("iaf_psc_exp\n===========\n")
    assert re.search(r"\nC_m\s+250\s+pF\n", text) and re.search(r"\nV_m\s+-70\s+mV\n", text)
    nest.help("no_such_model")
    assert "Sorry, there is no help for model 'no_such_model'." in capsys.readouterr().out


def test_nan_weights_and_delays_stand_for_the_models_defaults_also_from_parameters():
    n = nest.Create("iaf_psc_alpha", 3)
    nest.CopyModel("static_synapse", "syn_with_defaults", {"weight": -2.5, "delay": 1.5})
    nest.Connect(n, n, "one_to_one", syn_spec={"synapse_model": "syn_with_defaults",
                                                "weight": nest.random.uniform(0.0, 1.0) * float("nan"),
                                                "delay": numpy.array([2.0, numpy.nan, numpy.nan])})
    conns = nest.GetConnections().get(["weight", "delay"])
    assert conns["weight"] == [-2.5, -2.5, -2.5]
    assert sorted(conns["delay"]) == [1.5, 1.5, 2.0]
