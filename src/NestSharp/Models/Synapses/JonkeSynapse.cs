namespace NestSharp.Models.Synapses;

/// <summary>
/// jonke_synapse (and jonke_synapse_hpc, jonke_synapse_lbl): pair-based STDP with all-to-all pairing (as stdp_synapse)
/// and an exponential weight dependence with an offset, as used by Nessler et al. (2013), Legenstein et al. (2016) and
/// Jonke et al. (2017). At each pre-synaptic spike at t_pre (the previous one at t_last, 0 at first) through a
/// connection with dendritic delay d:
/// <code>
/// for every post spike t_post with t_last - d &lt; t_post &lt;= t_pre - d:
///     w ← min(Wmax, w + lambda · (exp(mu_plus · w) · K+·exp((t_last - (t_post + d))/tau_plus) - beta))
/// w ← max(0, w + lambda · (-alpha · exp(mu_minus · w) · K-(t_pre - d) - beta))
/// transmit w;   K+ ← K+·exp((t_last - t_pre)/tau_plus) + 1;   t_last ← t_pre
/// </code>
/// K- is the target's trace (tau_minus), read as stdp_synapse reads it (it becomes the target's post_trace). With
/// lambda = 0 the weight does not change.
/// <para>Parameters common to the model (SetDefaults, CopyModel): alpha (default 1), beta (0), lambda (0.01), mu_plus (0),
/// mu_minus (0), tau_plus (ms, 20), Wmax (100); none is checked. Per connection: weight (1), delay (ms) and Kplus (0,
/// must not be negative).</para>
/// <para>References: Nessler B, Pfeiffer M, Buesing L, Maass W (2013) Bayesian computation emerges in generic cortical
/// microcircuits through spike-timing-dependent plasticity. PLoS Comput Biol 9:e1003037. Legenstein R, Papadimitriou
/// CH, Vempala S, Maass W (2016) Assembly pointers for variable binding in networks of spiking neurons.
/// arXiv:1611.03698. Jonke Z, Legenstein R, Habenschuss S, Maass W (2017) Feedback inhibition shapes emergent
/// computational properties of cortical microcircuit motifs. arXiv:1705.07614.</para>
/// </summary>
[SynapseModelName("jonke_synapse", Labelled = true)]
[SynapseModelName("jonke_synapse_hpc")]
internal sealed class JonkeSynapse(string name) : StdpHomSynapseType<JonkeRule>(name);

/// <summary>The rule of jonke_synapse (see <see cref="JonkeSynapse"/>).</summary>
internal readonly struct JonkeRule : IStdpRule
{
    private static readonly RuleParameters Declared = new();

    private static readonly RuleParameter Alpha = Declared.Add("alpha", 1.0);
    private static readonly RuleParameter Beta = Declared.Add("beta", 0.0);
    private static readonly RuleParameter Lambda = Declared.Add("lambda", 0.01);
    private static readonly RuleParameter MuPlus = Declared.Add("mu_plus", 0.0);
    private static readonly RuleParameter MuMinus = Declared.Add("mu_minus", 0.0);
    private static readonly RuleParameter TauPlus = Declared.Add("tau_plus", 20.0);
    private static readonly RuleParameter Wmax = Declared.Add("Wmax", 100.0);

    public static RuleParameters Parameters => Declared;

    public static Requirement? KplusRequirement => Requirement.NonNegative("Kplus must be non-negative");

    public static double Facilitate(double weight, double kplus, ReadOnlySpan<double> p)
    {
        double lambda = p[Lambda.Index];
        if (lambda == 0.0) return weight;
        double grown = weight + lambda * (Math.Exp(p[MuPlus.Index] * weight) * kplus - p[Beta.Index]);
        double wmax = p[Wmax.Index];
        return grown < wmax ? grown : wmax;
    }

    public static double Depress(double weight, double kminus, ReadOnlySpan<double> p)
    {
        double lambda = p[Lambda.Index];
        if (lambda == 0.0) return weight;
        double shrunk = weight + lambda * (-p[Alpha.Index] * Math.Exp(p[MuMinus.Index] * weight) * kminus - p[Beta.Index]);
        return shrunk > 0.0 ? shrunk : 0.0;
    }

    public static double PlusDecay(double dt, ReadOnlySpan<double> p) => Math.Exp(dt / p[TauPlus.Index]);
}
