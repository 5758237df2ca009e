namespace NestSharp.Tests.StructuralPlasticity;

/// <summary>
/// Every run ends with each neuron's Ca (and synaptic elements) brought up to the end time, as NEST's update does:
/// the status shows Ca decayed to now, not as of the neuron's last spike.
/// </summary>
public sealed class CalciumAtRunEndTests
{
    [Fact]
    public void CaInTheStatus_IsNests_AfterEachRun()
    {
        var nest = new Simulator();
        var neurons = nest.Create("iaf_psc_alpha", 2, new() { ["I_e"] = new[] { 500.0, 0.0 }, ["tau_Ca"] = 50.0, ["beta_Ca"] = 0.1 });
        neurons[1].Set("Ca", 1.0);
        // NEST 3.10, same script: (Ca of the firing neuron, Ca of the silent one) after each Simulate(100).
        double[][] nestCa =
        [
            [0.27397941405393444, 0.1353352832366127],
            [0.2869771160299306, 0.018315638888734182],
            [0.26677141334325744, 0.002478752176666359],
        ];
        foreach (var expected in nestCa)
        {
            nest.Simulate(100.0);
            Assert.Equal(expected, neurons.GetValues<double>("Ca"));
        }
    }
}
