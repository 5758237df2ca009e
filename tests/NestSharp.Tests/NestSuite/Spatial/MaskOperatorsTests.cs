namespace NestSharp.Tests.NestSuite.SpatialSuite;

/// <summary>NEST's test_mask_operators: union, intersection and difference of two rectangular masks.</summary>
public sealed class MaskOperatorsTests
{
    // The points: in m1, in m1, in both, in m2, in neither.
    private static readonly double[][] TestPoints = [[0.0, 0.0], [0.5, 0.5], [2.0, 2.0], [2.5, 2.5], [0.5, 3.5]];

    public static TheoryData<string, bool[]> Cases => new()
    {
        { "union", [true, true, true, true, false] },
        { "intersection", [false, false, true, false, false] },
        { "l - r", [true, true, false, false, false] },
        { "r - l", [false, false, false, true, false] },
    };

    private static (Mask M1, Mask M2) TwoMasks(Simulator nest) =>
        (nest.CreateMask("rectangular", new Dictionary<string, object> { ["lower_left"] = new[] { 0, 0 }, ["upper_right"] = new[] { 2, 2 } }),
         nest.CreateMask("rectangular", new Dictionary<string, object> { ["lower_left"] = new[] { 1, 1 }, ["upper_right"] = new[] { 3, 3 } }));

    private static Mask Apply(string op, Mask lhs, Mask rhs) => op switch
    {
        "union" => lhs | rhs,
        "intersection" => lhs & rhs,
        "l - r" => lhs - rhs,
        _ => rhs - lhs,
    };

    // NEST: testsuite/pytests/spatial/test_mask_operators.py::test_mask_operators
    [Theory]
    [MemberData(nameof(Cases))]
    public void MaskOperators(string op, bool[] insideExpected)
    {
        Assert.Equal(TestPoints.Length, insideExpected.Length);
        var (m1, m2) = TwoMasks(new Simulator());
        for (int i = 0; i < TestPoints.Length; i++) Assert.Equal(insideExpected[i], Apply(op, m1, m2).Inside(TestPoints[i]));
    }

    // NEST: testsuite/pytests/spatial/test_mask_operators.py::test_mask_operator_node_selection
    [Theory]
    [MemberData(nameof(Cases))]
    public void MaskOperatorNodeSelection(string op, bool[] insideExpected)
    {
        Assert.Equal(TestPoints.Length, insideExpected.Length);
        var nest = new Simulator();
        var nrns = nest.Create("parrot_neuron", Positions.Free(TestPoints));
        var (m1, m2) = TwoMasks(nest);
        var selected = nest.SelectNodesByMask(nrns, [0, 0], Apply(op, m1, m2));
        Assert.Equal(nrns[insideExpected], selected);
    }
}
