using NestSharp.Plasticity;

namespace NestSharp.Models.Synapses;

/// <summary>
/// stdp_synapse (per-connection parameters) and stdp_synapse_hom (parameters common to the model): NEST's standard
/// pair-based STDP with soft bounds in normalised weight (Gütig et al. 2003; Rubin et al. 2001; Song et al. 2000).
/// <code>
/// potentiation: w/Wmax ← w/Wmax + lambda · (1 - w/Wmax)^mu_plus · K+·exp(-Δt/tau_plus), capped at 1
/// depression:   w/Wmax ← w/Wmax - alpha · lambda · (w/Wmax)^mu_minus · K-, floored at 0
/// </code>
/// mu_plus = mu_minus = 0 gives additive, 1 multiplicative STDP.
/// <para>Parameters: tau_plus (ms, default 20), lambda (0.01), alpha (1), mu_plus (1), mu_minus (1), Wmax (100);
/// per connection also weight, delay, Kplus.</para>
/// <para>References: Guetig R et al. (2003) J Neurosci 23:3697-3714. Rubin J, Lee D, Sompolinsky H (2001) Phys Rev Lett
/// 86:364-367. Song S, Miller KD, Abbott LF (2000) Nat Neurosci 3:919-926.</para>
/// </summary>
internal struct StdpSoftBoundRule : IStdpRule
{
    public static (string Key, double Default)[] Parameters { get; } =
        [("tau_plus", 20.0), ("lambda", 0.01), ("alpha", 1.0), ("mu_plus", 1.0), ("mu_minus", 1.0), ("Wmax", 100.0)];

    public static double Facilitate(double weight, double kplus, ReadOnlySpan<double> p)
    {
        double wmax = p[5];
        double normalised = weight / wmax + p[1] * Math.Pow(1.0 - weight / wmax, p[3]) * kplus;
        return normalised < 1.0 ? normalised * wmax : wmax;
    }

    public static double Depress(double weight, double kminus, ReadOnlySpan<double> p)
    {
        double wmax = p[5];
        double normalised = weight / wmax - p[2] * p[1] * Math.Pow(weight / wmax, p[4]) * kminus;
        return normalised > 0.0 ? normalised * wmax : 0.0;
    }

    public static double PlusDecay(double dt, ReadOnlySpan<double> p) => Math.Exp(dt / p[0]);

    public static void Validate(string key, double value)
    {
        if (key == "tau_plus" && !(value > 0)) throw new BadParameterException(key, value, "tau_plus must be positive");
        if (key == "Wmax" && value == 0) throw new BadParameterException(key, value, "Wmax must not be zero (weights are normalised by it)");
    }
}
