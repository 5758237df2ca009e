"""nest.TripartiteConnect on NestSharp: the third-factor rule third_factor_bernoulli_with_pool, syn_specs per part, and
PyNEST's and NEST's errors."""

import pytest

import nestsharp as nest


def _populations(n_pre, n_post, n_third):
    return (nest.Create("parrot_neuron", n_pre), nest.Create("parrot_neuron", n_post),
            nest.Create("parrot_neuron", n_third))


def test_every_primary_connection_gets_third_in_and_third_out_connections():
    pre, post, third = _populations(4, 4, 2)
    nest.TripartiteConnect(pre, post, third, {"rule": "pairwise_bernoulli", "p": 1.0},
                           {"rule": "third_factor_bernoulli_with_pool", "pool_type": "block", "pool_size": 1})
    assert len(nest.GetConnections(pre, post)) == 16
    assert len(nest.GetConnections(pre, third)) == 16
    out = nest.GetConnections(third, post)
    # block pools of size 1: targets 0, 1 share the first third-factor node, targets 2, 3 the second
    assert sorted(set(zip(out.sources(), out.targets()))) == [
        (third[0].global_id, post[0].global_id), (third[0].global_id, post[1].global_id),
        (third[1].global_id, post[2].global_id), (third[1].global_id, post[3].global_id)]


def test_syn_specs_apply_to_their_part_and_collocated_synapses_share_the_third_factor():
    pre, post, third = _populations(3, 2, 2)
    nest.TripartiteConnect(pre, post, third, {"rule": "all_to_all"}, {"rule": "third_factor_bernoulli_with_pool"},
                           {"primary": nest.CollocatedSynapses({"weight": 2.0}, {"synapse_model": "stdp_synapse"}),
                            "third_in": {"synapse_model": "static_synapse", "weight": nest.random.uniform(0.5, 1.5)},
                            "third_out": "static_synapse_hpc"})
    assert len(nest.GetConnections(pre, post)) == 12
    third_in = nest.GetConnections(pre, third)
    assert len(third_in) == 6
    assert len(set(third_in.weight)) == 6
    assert set(nest.GetConnections(third, post).synapse_model) == {"static_synapse_hpc"}


def test_lists_in_syn_specs_are_a_value_error():
    pre, post, third = _populations(2, 2, 2)
    with pytest.raises(ValueError):
        nest.TripartiteConnect(pre, post, third, {"rule": "one_to_one"}, {"rule": "third_factor_bernoulli_with_pool"},
                               {"primary": {"weight": [1.0, 2.0]}})


def test_nest_errors():
    pre, post, third = _populations(4, 4, 8)
    with pytest.raises(nest.NESTErrors.IllegalConnection):
        nest.TripartiteConnect(pre, post, third, {"rule": "one_to_one"}, {"rule": "one_to_one"})
    with pytest.raises(nest.NESTErrors.BadProperty):
        nest.TripartiteConnect(pre, post, third, {"rule": "one_to_one", "make_symmetric": True},
                               {"rule": "third_factor_bernoulli_with_pool"})
    with pytest.raises(nest.NESTErrors.BadProperty):
        nest.TripartiteConnect(pre, post, third, {"rule": "one_to_one"},
                               {"rule": "third_factor_bernoulli_with_pool", "pool_size": 9})
    with pytest.raises(TypeError):
        nest.TripartiteConnect(pre, post, [1, 2], {"rule": "one_to_one"}, {"rule": "third_factor_bernoulli_with_pool"})
    assert nest.num_connections == 0
