using NestSharp.Plasticity;

namespace NestSharp.Models.Synapses;

/// <summary>
/// stdp_pl_synapse_hom (and stdp_pl_synapse_hom_hpc): power-law multiplicative STDP (Morrison et al. 2007) with
/// parameters common to all connections of a model.
/// <code>
/// potentiation: w ← w + lambda · w^mu · K+·exp(-Δt/tau_plus)
/// depression:   w ← max(0, w - alpha · lambda · w · K-)
/// </code>
/// <para>Parameters: tau_plus (ms, default 20), lambda (0.1), alpha (1), mu (0.4); per connection: weight, delay, Kplus.
/// The post-synaptic trace K- decays with the target's tau_minus.</para>
/// <para>Reference: Morrison A, Aertsen A, Diesmann M (2007) Spike-timing-dependent plasticity in balanced random
/// networks. Neural Comput 19:1437-1467.</para>
/// </summary>
internal struct StdpPowerLawRule : IStdpRule
{
    public static (string Key, double Default)[] Parameters { get; } = [("tau_plus", 20.0), ("lambda", 0.1), ("alpha", 1.0), ("mu", 0.4)];

    public static double Facilitate(double weight, double kplus, ReadOnlySpan<double> p) =>
        weight + p[1] * Math.Pow(weight, p[3]) * kplus;

    public static double Depress(double weight, double kminus, ReadOnlySpan<double> p)
    {
        double w = weight - p[1] * p[2] * weight * kminus;
        return w > 0.0 ? w : 0.0;
    }

    public static double PlusDecay(double dt, ReadOnlySpan<double> p) => Math.Exp(dt * (1.0 / p[0]));

    public static void Validate(string key, double value)
    {
        if (key == "tau_plus" && !(value > 0)) throw new BadParameterException(key, value, "tau_plus must be positive");
    }
}
