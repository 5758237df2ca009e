namespace NestSharp;

/// <summary>SONATA networks (PyNEST's <c>nest.SonataNetwork</c>).</summary>
public sealed partial class Simulator
{
    /// <summary>
    /// A SONATA network described by <paramref name="config"/> (and <paramref name="simConfig"/>), to be built in this
    /// kernel: <c>var net = nest.SonataNetwork("circuit_config.json", "simulation_config.json"); net.BuildNetwork(); net.Simulate();</c>
    /// (see <see cref="NestSharp.SonataNetwork"/>). Sets the resolution to the configuration's <c>run.dt</c>.
    /// </summary>
    /// <param name="config">The circuit configuration (JSON).</param>
    /// <param name="simConfig">A separate simulation configuration (JSON), or null.</param>
    public SonataNetwork SonataNetwork(string config, string? simConfig = null) => new(this, config, simConfig);
}
