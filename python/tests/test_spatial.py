"""nest.spatial on NestSharp: positions, masks, spatial parameters and spatial Connect as a PyNEST user meets them
(values worked out by hand from NEST 3.10's rules)."""

import numpy
import pytest

import nestsharp as nest


def test_grid_positions_and_spatial_metadata():
    layer = nest.Create("iaf_psc_alpha", positions=nest.spatial.grid(shape=[3, 3], extent=[3.0, 3.0], edge_wrap=True))
    assert len(layer) == 9
    assert nest.GetPosition(layer[0]) == pytest.approx([-1.0, 1.0])  # first column, top row
    assert nest.GetPosition(layer[1]) == pytest.approx([-1.0, 0.0])
    spatial = layer.spatial
    assert list(spatial["shape"]) == [3, 3]
    assert list(spatial["extent"]) == [3.0, 3.0]
    assert spatial["edge_wrap"] is True
    assert nest.Create("iaf_psc_alpha", 2).spatial is None


def test_free_positions_drawn_from_a_parameter():
    layer = nest.Create("iaf_psc_alpha", 20, positions=nest.spatial.free(nest.random.uniform(-1.0, 1.0), num_dimensions=3))
    positions = numpy.array(nest.GetPosition(layer))
    assert positions.shape == (20, 3)
    assert numpy.all(numpy.abs(positions) <= 1.0)


def test_masks_combine_and_select_nodes():
    circle = nest.CreateMask("circular", {"radius": 1.0})
    square = nest.CreateMask("rectangular", {"lower_left": [0.0, 0.0], "upper_right": [2.0, 2.0]})
    assert circle.Inside([0.5, -0.5]) and not (circle & square).Inside([0.5, -0.5])
    assert (circle | square).Inside([1.5, 1.5]) and not (square - circle).Inside([0.5, 0.5])
    layer = nest.Create("iaf_psc_alpha", positions=nest.spatial.grid(shape=[5, 5], extent=[5.0, 5.0]))
    assert nest.SelectNodesByMask(layer, [0.0, 0.0], circle).tolist() == [8, 12, 13, 14, 18]
    with pytest.raises(nest.NESTErrors.BadProperty):
        nest.CreateMask("circular", {"radius": -1.0})


def test_connect_with_mask_and_distance_dependent_weight():
    layer = nest.Create("iaf_psc_alpha", positions=nest.spatial.grid(shape=[5, 5], extent=[5.0, 5.0], edge_wrap=True))
    nest.Connect(layer, layer, {"rule": "pairwise_bernoulli", "p": 1.0, "mask": {"circular": {"radius": 1.0}}},
                 {"weight": 2.0 * nest.spatial.distance + 1.0})
    conns = nest.GetConnections()
    assert len(conns) == 25 * 5  # itself and four neighbours, across the periodic boundary too
    assert sorted(set(conns.weight)) == pytest.approx([1.0, 3.0])
    assert numpy.array(conns.distance) == pytest.approx((numpy.array(conns.weight) - 1.0) / 2.0)


def test_spatial_distribution_as_probability_with_fixed_indegree():
    layer = nest.Create("iaf_psc_alpha", positions=nest.spatial.grid(shape=[10, 10], extent=[10.0, 10.0]))
    p = nest.spatial_distributions.gaussian(nest.spatial.distance, std=1.5)
    nest.Connect(layer, layer, {"rule": "fixed_indegree", "indegree": 3, "p": p, "mask": {"circular": {"radius": 3.0}},
                                "allow_autapses": False})
    conns = nest.GetConnections()
    assert len(conns) == 300
    assert max(conns.distance) <= 3.0
    assert all(s != t for s, t in zip(conns.source, conns.target))


def test_spatial_parameter_apply_and_node_positions_as_values():
    layer = nest.Create("iaf_psc_alpha", positions=nest.spatial.grid(shape=[3, 1], extent=[3.0, 1.0]),
                        params={"V_m": -60.0 + nest.spatial.pos.x})
    assert layer.V_m == pytest.approx((-61.0, -60.0, -59.0))
    assert nest.spatial.distance.apply(layer[0], [[2.0, 0.0]]) == pytest.approx((3.0,))
    assert nest.spatial.distance.is_spatial() and not nest.random.normal().is_spatial()


def test_mask_without_positions_is_a_type_error():
    nodes = nest.Create("iaf_psc_alpha", 4)
    with pytest.raises(TypeError):
        nest.Connect(nodes, nodes, {"rule": "pairwise_bernoulli", "p": 1.0, "mask": {"circular": {"radius": 1.0}}})


def test_dump_layer_connections(tmp_path):
    layer = nest.Create("iaf_psc_alpha", positions=nest.spatial.grid(shape=[2, 1], extent=[2.0, 2.0], edge_wrap=True))
    nest.Connect(layer, layer, {"rule": "pairwise_bernoulli", "p": 1.0})
    path = tmp_path / "conns.txt"
    nest.DumpLayerConnections(layer, layer, "static_synapse", path)
    assert numpy.array_equal(numpy.genfromtxt(path), [[1, 1, 1, 1, 0, 0], [1, 2, 1, 1, -1, 0], [2, 1, 1, 1, -1, 0], [2, 2, 1, 1, 0, 0]])
