namespace NestSharp.Tests.NestSuite.Regressions;

/// <summary>
/// NEST's regressions/test_ticket_800.py: spatial parameters, masks, positions and spatial conn_specs check their
/// values. Each case names its row of NEST's lists by index.
/// </summary>
/// <remarks>
/// Not ported: the bad position <c>nest.spatial.grid(..., edge_wrap=3)</c> (a TypeMismatch for a Python int where a
/// boolean belongs; <see cref="Positions.Grid"/> takes a bool, so the call does not compile).
/// </remarks>
public sealed class Ticket800Tests
{
    private static Dictionary<string, object> D(params (string Key, object Value)[] entries) => entries.ToDictionary(e => e.Key, e => e.Value);

    private static readonly (string Kind, Dictionary<string, object> Params)[] GoodParameters =
    [
        ("uniform", D(("min", 0.0), ("max", 1.0))),
        ("normal", D(("mean", 0.0), ("std", 1.0))),
        ("lognormal", D(("mean", 0.0), ("std", 1.0))),
        ("exponential", D(("beta", 1.0))),
        ("distance", D()),
        ("distance", D(("dimension", 1L))),
        ("distance", D(("dimension", 2L))),
    ];

    private static readonly (string Kind, Dictionary<string, object> Params)[] BadParameters =
    [
        ("uniform", D(("min", 0.0), ("max", 0.0))),
        ("normal", D(("mean", 0.0), ("sigma", 1.0))), // bad parameter name
        ("normal", D(("mean", 0.0), ("std", 0.0))),
        ("normal", D(("mean", 0.0), ("std", -1.0))),
        ("lognormal", D(("mu", 0.0), ("std", 0.0))),
        ("lognormal", D(("mu", 0.0), ("std", -1.0))),
        ("lognormal", D(("mu", 0.0), ("std", 1.0))),
        ("distance", D(("dim", 1L))),
        ("distance", D(("dimension", 1L), ("min", 0.0))),
    ];

    private static readonly (string Type, Dictionary<string, object> Spec)[] GoodMasks2D =
    [
        ("circular", D(("radius", 1.0))),
        ("circular", D(("radius", 1.0), ("anchor", new[] { 0.5, 0.5 }))),
        ("rectangular", D(("lower_left", new[] { -0.1, -0.1 }), ("upper_right", new[] { 0.1, 0.1 }))),
        ("doughnut", D(("inner_radius", 0.1), ("outer_radius", 0.2))),
    ];

    private static readonly (string Type, Dictionary<string, object> Spec)[] GoodMasks3D =
    [
        ("spherical", D(("radius", 1.0))),
        ("box", D(("lower_left", new[] { -0.1, -0.1, -0.1 }), ("upper_right", new[] { 0.1, 0.1, 0.1 }))),
    ];

    private static readonly (string Type, Dictionary<string, object> Spec)[] BadMasks2D =
    [
        ("circular", D(("r", 0.0))),
        ("circular", D(("radius", 1.0), ("foo", 1L))),
        ("circular", D(("radius", 0.0))),
        ("circular", D(("radius", -1.0))),
        ("rectangular", D(("lower_left", new[] { -0.1, -0.1 }), ("upper_right", new[] { -0.1, 0.1 }))),
        ("rectangular", D(("lower_left", new[] { -0.1, -0.1 }), ("upper_right", new[] { 0.1, -0.1 }))),
        ("doughnut", D(("inner_radius", 0.1), ("outer_radius", 0.1))),
    ];

    private static readonly (string Type, Dictionary<string, object> Spec)[] BadMasks3D =
    [
        ("spherical", D(("radius", 0.0))),
        ("spherical", D(("radius", -1.0))),
        ("box", D(("lower_left", new[] { -0.1, -0.1, -0.1 }), ("upper_right", new[] { -0.1, 0.1, 0.1 }))),
        ("box", D(("lower_left", new[] { -0.1, -0.1, -0.1 }), ("upper_right", new[] { 0.1, -0.1, 0.1 }))),
        ("box", D(("lower_left", new[] { -0.1, -0.1, -0.1 }), ("upper_right", new[] { 0.1, 0.1, -0.1 }))),
    ];

    private static readonly (string Type, Dictionary<string, object> Spec)[] GoodMasks = [.. GoodMasks2D, .. GoodMasks3D];

    private static readonly (string Type, Dictionary<string, object> Spec)[] BadMasks = [.. BadMasks2D, .. BadMasks3D];

    private static readonly Func<Positions>[] GoodPositions =
    [
        () => Positions.Grid([2, 2]),
        () => Positions.Grid([2, 2], extent: [2.0, 0.5], center: [0.2, 0.3], edgeWrap: true),
        () => Positions.Grid([2, 2], extent: [2.0, 0.5], center: [0.2, 0.3], edgeWrap: false),
        () => Positions.Free([[0.1, 0.1], [0.2, 0.2]], extent: [2.0, 0.5], edgeWrap: true),
        () => Positions.Free([[0.1, 0.1, 0.1], [0.2, 0.2, 0.2]], extent: [2.0, 0.5, 3.0], edgeWrap: true),
    ];

    // NEST's list without its second row (edge_wrap=3, see the remarks)
    private static readonly Func<Positions>[] BadPositions =
    [
        () => Positions.Grid([1]),
        () => Positions.Free([[0.1, 0.1], [0.2, 0.2, 0.2]], extent: [2.0, 0.5], edgeWrap: true), // dimensions mixed up
        () => Positions.Free([[0.1, 0.1, 0.1], [0.2, 0.2, 0.2]], extent: [2.0, 0.5], edgeWrap: true), // dimensions mixed up
    ];

    private static readonly Dictionary<string, object>[] GoodConnSpecs =
    [
        D(("rule", "pairwise_bernoulli"), ("use_on_source", true)),
        D(("rule", "pairwise_bernoulli"), ("use_on_source", false)),
        D(("rule", "pairwise_bernoulli"), ("use_on_source", true), ("allow_oversized_mask", true)),
        D(("rule", "pairwise_bernoulli"), ("use_on_source", false), ("allow_oversized_mask", true)),
        D(("rule", "pairwise_bernoulli"), ("use_on_source", true), ("allow_multapses", false)),
        D(("rule", "pairwise_bernoulli"), ("use_on_source", true), ("allow_autapses", false)),
        D(("rule", "fixed_outdegree"), ("outdegree", 2L)),
        D(("rule", "fixed_indegree"), ("indegree", 2L)),
    ];

    private static readonly Dictionary<string, object>[] BadConnSpecs =
    [
        D(("rule", "population")), // undefined rule
    ];

    private static TheoryData<int> Indices(int count) => [.. Enumerable.Range(0, count)];

    public static TheoryData<int> GoodParameterCases() => Indices(GoodParameters.Length);

    public static TheoryData<int> GoodParameterOrConstantCases() => Indices(GoodParameters.Length + 2);

    public static TheoryData<int> BadParameterCases() => Indices(BadParameters.Length);

    public static TheoryData<int> GoodMaskCases() => Indices(GoodMasks.Length);

    public static TheoryData<int> BadMaskCases() => Indices(BadMasks.Length);

    public static TheoryData<int> GoodMask2DCases() => Indices(GoodMasks2D.Length);

    public static TheoryData<int> BadMask2DCases() => Indices(BadMasks2D.Length);

    public static TheoryData<int> GoodMask3DCases() => Indices(GoodMasks3D.Length);

    public static TheoryData<int> BadMask3DCases() => Indices(BadMasks3D.Length);

    public static TheoryData<int> GoodPositionCases() => Indices(GoodPositions.Length);

    public static TheoryData<int> BadPositionCases() => Indices(BadPositions.Length);

    public static TheoryData<int> GoodConnSpecCases() => Indices(GoodConnSpecs.Length);

    public static TheoryData<int> BadConnSpecCases() => Indices(BadConnSpecs.Length);

    private static NodeCollection Layer2D(Simulator nest) => nest.Create("parrot_neuron", Positions.Grid([1, 1]));

    private static NodeCollection Layer3D(Simulator nest) => nest.Create("parrot_neuron", Positions.Free([[0.0, 0.0, 0.0]], extent: [1.0, 1.0, 1.0]));

    private static void AssertBadPropertyOrUnaccessed(Action action)
    {
        var e = Assert.ThrowsAny<NestException>(action);
        Assert.True(e is BadPropertyException or UnaccessedDictionaryEntryException, $"{e.GetType().Name}: {e.Message}");
    }

    // NEST: testsuite/pytests/regressions/test_ticket_800.py::test_good_parameters
    [Theory]
    [MemberData(nameof(GoodParameterCases))]
    public void GoodParameters_AreAccepted(int row)
    {
        var nest = new Simulator();
        nest.CreateParameter(GoodParameters[row].Kind, GoodParameters[row].Params);
    }

    // NEST: testsuite/pytests/regressions/test_ticket_800.py::test_bad_parameters
    [Theory]
    [MemberData(nameof(BadParameterCases))]
    public void BadParameters_AreRefused(int row)
    {
        var nest = new Simulator();
        AssertBadPropertyOrUnaccessed(() => nest.CreateParameter(BadParameters[row].Kind, BadParameters[row].Params));
    }

    // NEST: testsuite/pytests/regressions/test_ticket_800.py::test_good_masks
    [Theory]
    [MemberData(nameof(GoodMaskCases))]
    public void GoodMasks_AreAccepted(int row)
    {
        var nest = new Simulator();
        nest.CreateMask(GoodMasks[row].Type, GoodMasks[row].Spec);
    }

    // NEST: testsuite/pytests/regressions/test_ticket_800.py::test_bad_masks
    [Theory]
    [MemberData(nameof(BadMaskCases))]
    public void BadMasks_AreRefused(int row)
    {
        var nest = new Simulator();
        var e = Assert.ThrowsAny<Exception>(() => nest.CreateMask(BadMasks[row].Type, BadMasks[row].Spec));
        Assert.True(e is BadPropertyException or UnaccessedDictionaryEntryException or ArgumentOutOfRangeException, $"{e.GetType().Name}: {e.Message}");
    }

    // NEST: testsuite/pytests/regressions/test_ticket_800.py::test_good_positions
    [Theory]
    [MemberData(nameof(GoodPositionCases))]
    public void GoodPositions_AreAccepted(int row)
    {
        var nest = new Simulator();
        nest.Create("parrot_neuron", GoodPositions[row]());
    }

    // NEST: testsuite/pytests/regressions/test_ticket_800.py::test_bad_positions (all rows but edge_wrap=3)
    [Theory]
    [MemberData(nameof(BadPositionCases))]
    public void BadPositions_AreRefused(int row)
    {
        var nest = new Simulator();
        var e = Assert.ThrowsAny<NestException>(() => nest.Create("parrot_neuron", BadPositions[row]()));
        Assert.True(e is BadPropertyException or TypeMismatchException, $"{e.GetType().Name}: {e.Message}");
    }

    // NEST: testsuite/pytests/regressions/test_ticket_800.py::test_good_kernels
    [Theory]
    [MemberData(nameof(GoodParameterCases))]
    public void GoodKernels_AreAccepted(int row)
    {
        var nest = new Simulator();
        var layer = Layer2D(nest);
        nest.Connect(layer, layer, D(("rule", "pairwise_bernoulli"), ("p", nest.CreateParameter(GoodParameters[row].Kind, GoodParameters[row].Params))));
    }

    // NEST: testsuite/pytests/regressions/test_ticket_800.py::test_bad_kernels
    [Theory]
    [MemberData(nameof(BadParameterCases))]
    public void BadKernels_AreRefused(int row)
    {
        var nest = new Simulator();
        var layer = Layer2D(nest);
        AssertBadPropertyOrUnaccessed(() => nest.Connect(layer, layer,
            D(("rule", "pairwise_bernoulli"), ("p", nest.CreateParameter(BadParameters[row].Kind, BadParameters[row].Params)))));
    }

    // NEST: testsuite/pytests/regressions/test_ticket_800.py::test_good_weights (the good parameters, then constant 0.5 and 1)
    [Theory]
    [MemberData(nameof(GoodParameterOrConstantCases))]
    public void GoodWeights_AreAccepted(int row)
    {
        var nest = new Simulator();
        var layer = Layer2D(nest);
        var (kind, spec) = row < GoodParameters.Length ? GoodParameters[row]
            : ("constant", D(("value", row == GoodParameters.Length ? 0.5 : (object)1L)));
        nest.Connect(layer, layer, D(("rule", "pairwise_bernoulli"), ("p", 1L)), D(("weight", nest.CreateParameter(kind, spec))));
    }

    // NEST: testsuite/pytests/regressions/test_ticket_800.py::test_bad_weights
    [Theory]
    [MemberData(nameof(BadParameterCases))]
    public void BadWeights_AreRefused(int row)
    {
        var nest = new Simulator();
        var layer = Layer2D(nest);
        AssertBadPropertyOrUnaccessed(() => nest.Connect(layer, layer, D(("rule", "pairwise_bernoulli"), ("p", 1L)),
            D(("weight", nest.CreateParameter(BadParameters[row].Kind, BadParameters[row].Params)))));
    }

    // NEST: testsuite/pytests/regressions/test_ticket_800.py::test_good_masks_2d
    [Theory]
    [MemberData(nameof(GoodMask2DCases))]
    public void GoodMasks2D_Connect(int row)
    {
        var nest = new Simulator();
        var layer = Layer2D(nest);
        nest.Connect(layer, layer, D(("rule", "pairwise_bernoulli"), ("mask", D((GoodMasks2D[row].Type, GoodMasks2D[row].Spec)))));
    }

    // NEST: testsuite/pytests/regressions/test_ticket_800.py::test_bad_masks_2d
    [Theory]
    [MemberData(nameof(BadMask2DCases))]
    public void BadMasks2D_AreRefusedByConnect(int row)
    {
        var nest = new Simulator();
        var layer = Layer2D(nest);
        var e = Assert.ThrowsAny<Exception>(() => nest.Connect(layer, layer,
            D(("rule", "pairwise_bernoulli"), ("mask", D((BadMasks2D[row].Type, BadMasks2D[row].Spec))))));
        Assert.True(e is BadPropertyException or UnaccessedDictionaryEntryException or ArgumentOutOfRangeException, $"{e.GetType().Name}: {e.Message}");
    }

    // NEST: testsuite/pytests/regressions/test_ticket_800.py::test_good_masks_3d
    [Theory]
    [MemberData(nameof(GoodMask3DCases))]
    public void GoodMasks3D_Connect(int row)
    {
        var nest = new Simulator();
        var layer = Layer3D(nest);
        nest.Connect(layer, layer, D(("rule", "pairwise_bernoulli"), ("mask", D((GoodMasks3D[row].Type, GoodMasks3D[row].Spec)))));
    }

    // NEST: testsuite/pytests/regressions/test_ticket_800.py::test_bad_masks_3d
    [Theory]
    [MemberData(nameof(BadMask3DCases))]
    public void BadMasks3D_AreRefusedByConnect(int row)
    {
        var nest = new Simulator();
        var layer = Layer3D(nest);
        Assert.Throws<BadPropertyException>(() => nest.Connect(layer, layer,
            D(("rule", "pairwise_bernoulli"), ("mask", D((BadMasks3D[row].Type, BadMasks3D[row].Spec))))));
    }

    // NEST: testsuite/pytests/regressions/test_ticket_800.py::test_good_connspecs
    [Theory]
    [MemberData(nameof(GoodConnSpecCases))]
    public void GoodConnSpecs_Connect(int row)
    {
        var nest = new Simulator();
        var layer = Layer2D(nest);
        nest.Connect(layer, layer, GoodConnSpecs[row]);
    }

    // NEST: testsuite/pytests/regressions/test_ticket_800.py::test_bad_connspecs
    [Theory]
    [MemberData(nameof(BadConnSpecCases))]
    public void BadConnSpecs_AreRefused(int row)
    {
        var nest = new Simulator();
        var layer = Layer2D(nest);
        Assert.Throws<BadPropertyException>(() => nest.Connect(layer, layer, BadConnSpecs[row]));
    }
}
