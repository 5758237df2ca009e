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
[SynapseModelName("stdp_pl_synapse_hom", Labelled = true)]
[SynapseModelName("stdp_pl_synapse_hom_hpc")]
internal sealed class StdpPlSynapseHom(string name) : StdpHomSynapseType<StdpPowerLawRule>(name);

/// <summary>The rule of stdp_pl_synapse_hom (see <see cref="StdpPlSynapseHom"/>).</summary>
internal readonly struct StdpPowerLawRule : IStdpRule
{
    private static readonly RuleParameters Declared = new();

    private static readonly RuleParameter TauPlus = Declared.Add("tau_plus", 20.0, Requirement.Positive("tau_plus must be positive"));
    private static readonly RuleParameter Lambda = Declared.Add("lambda", 0.1);
    private static readonly RuleParameter Alpha = Declared.Add("alpha", 1.0);
    private static readonly RuleParameter Mu = Declared.Add("mu", 0.4);

    public static RuleParameters Parameters => Declared;

    public static double Facilitate(double weight, double kplus, ReadOnlySpan<double> p) =>
        weight + p[Lambda.Index] * Math.Pow(weight, p[Mu.Index]) * kplus;

    public static double Depress(double weight, double kminus, ReadOnlySpan<double> p)
    {
        double w = weight - p[Lambda.Index] * p[Alpha.Index] * weight * kminus;
        return w > 0.0 ? w : 0.0;
    }

    public static double PlusDecay(double dt, ReadOnlySpan<double> p) => Math.Exp(dt * (1.0 / p[TauPlus.Index]));
}
