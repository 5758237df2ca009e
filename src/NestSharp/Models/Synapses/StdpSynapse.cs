namespace NestSharp.Models.Synapses;

/// <summary>
/// stdp_synapse and stdp_synapse_hpc (per-connection parameters), stdp_synapse_hom and stdp_synapse_hom_hpc (parameters common to the model): NEST's standard
/// pair-based STDP with soft bounds in normalised weight (Gütig et al. 2003; Rubin et al. 2001; Song et al. 2000).
/// <code>
/// potentiation: w/Wmax ← w/Wmax + lambda · (1 - w/Wmax)^mu_plus · K+·exp(-Δt/tau_plus), capped at 1
/// depression:   w/Wmax ← w/Wmax - alpha · lambda · (w/Wmax)^mu_minus · K-, floored at 0
/// </code>
/// mu_plus = mu_minus = 0 gives additive, 1 multiplicative STDP.
/// <para>Parameters: tau_plus (ms, default 20), lambda (0.01), alpha (1), mu_plus (1), mu_minus (1), Wmax (100);
/// per connection also weight, delay, Kplus. As NEST, stdp_synapse checks that Kplus is not negative and, when a
/// connection's status is set (a syn_spec with more than weight and delay, Set, or the model's defaults), that weight
/// and Wmax have the same sign (0 counting as positive); stdp_synapse_hom checks nothing.</para>
/// <para>References: Guetig R et al. (2003) J Neurosci 23:3697-3714. Rubin J, Lee D, Sompolinsky H (2001) Phys Rev Lett
/// 86:364-367. Song S, Miller KD, Abbott LF (2000) Nat Neurosci 3:919-926.</para>
/// </summary>
[SynapseModelName("stdp_synapse", Labelled = true)]
[SynapseModelName("stdp_synapse_hpc")]
internal sealed class StdpSynapse(string name) : StdpSynapseType<StdpSoftBoundRule>(name)
{
    private int _wmaxIndex = -1;

    /// <summary>NEST's check: weight and Wmax on the same side of 0 (0 counting as positive for both).</summary>
    public override void CheckStatus(double weight, ReadOnlySpan<double> perConnection)
    {
        if (_wmaxIndex < 0) _wmaxIndex = Schema.IndexOfPerConnection("Wmax");
        double wmax = perConnection[_wmaxIndex];
        if ((weight >= 0) != (wmax >= 0))
            throw new BadPropertyException("Wmax", wmax, $"weight ({StatusValue.Format(weight)}) and Wmax must have the same sign (0 counting as positive)");
    }
}

/// <summary>The rule of stdp_synapse and stdp_synapse_hom (see <see cref="StdpSynapse"/>).</summary>
internal readonly struct StdpSoftBoundRule : IStdpRule
{
    private static readonly RuleParameters Declared = new();

    // NEST checks none of them (tau_plus = 0 and Wmax = 0 are accepted), in stdp_synapse and stdp_synapse_hom alike.
    private static readonly RuleParameter TauPlus = Declared.Add("tau_plus", 20.0);
    private static readonly RuleParameter Lambda = Declared.Add("lambda", 0.01);
    private static readonly RuleParameter Alpha = Declared.Add("alpha", 1.0);
    private static readonly RuleParameter MuPlus = Declared.Add("mu_plus", 1.0);
    private static readonly RuleParameter MuMinus = Declared.Add("mu_minus", 1.0);
    private static readonly RuleParameter Wmax = Declared.Add("Wmax", 100.0);

    public static RuleParameters Parameters => Declared;

    public static double Facilitate(double weight, double kplus, ReadOnlySpan<double> p)
    {
        double wmax = p[Wmax.Index];
        double normalised = weight / wmax + p[Lambda.Index] * Math.Pow(1.0 - weight / wmax, p[MuPlus.Index]) * kplus;
        return normalised < 1.0 ? normalised * wmax : wmax;
    }

    public static double Depress(double weight, double kminus, ReadOnlySpan<double> p)
    {
        double wmax = p[Wmax.Index];
        double normalised = weight / wmax - p[Alpha.Index] * p[Lambda.Index] * Math.Pow(weight / wmax, p[MuMinus.Index]) * kminus;
        return normalised > 0.0 ? normalised * wmax : 0.0;
    }

    public static double PlusDecay(double dt, ReadOnlySpan<double> p) => Math.Exp(dt / p[TauPlus.Index]);
}
