namespace NestSharp.Numerics;

/// <summary>
/// The factor that scales a beta-shaped (difference of exponentials) synaptic response to a peak of 1 per unit weight:
/// with g(t) = exp(-t/tau_decay) - exp(-t/tau_rise), which peaks at t_peak = tau_decay·tau_rise·ln(tau_decay/tau_rise)
/// / (tau_decay - tau_rise), the factor is (1/tau_rise - 1/tau_decay) / g(t_peak): the jump of the derivative state
/// (dg/dt) per unit weight after which the conductance of d(dg)/dt = -dg/tau_decay, dg/dt = dg - g/tau_rise peaks at
/// the weight. When the two time constants are equal (or so close that
/// their difference or the peak value is below the machine epsilon) the response is the alpha function, and the factor
/// is e/tau_decay. As NEST's models with beta-shaped synapses (iaf_cond_beta, aeif_cond_beta_multisynapse) compute it.
/// <para>References: Rotter S, Diesmann M (1999) Biol Cybern 81:381-402. Roth A, van Rossum MCW (2010) Modeling
/// synapses. In De Schutter E (ed) Computational Modeling Methods for Neuroscientists, MIT Press.</para>
/// </summary>
internal static class BetaNormalization
{
    /// <summary>The initial rate of change of the conductance's derivative per unit weight (1/ms).</summary>
    /// <param name="tauRise">Rise time constant (ms).</param>
    /// <param name="tauDecay">Decay time constant (ms).</param>
    public static double Factor(double tauRise, double tauDecay)
    {
        double difference = tauDecay - tauRise;
        double peakValue = 0.0;
        if (Math.Abs(difference) > Epsilon)
        {
            double tPeak = tauDecay * tauRise * Math.Log(tauDecay / tauRise) / difference;
            peakValue = Math.Exp(-tPeak / tauDecay) - Math.Exp(-tPeak / tauRise);
        }
        return Math.Abs(peakValue) < Epsilon ? Math.E / tauDecay : (1.0 / tauRise - 1.0 / tauDecay) / peakValue;
    }

    /// <summary>C's DBL_EPSILON (the distance from 1 to the next double), not .NET's double.Epsilon.</summary>
    private const double Epsilon = 2.220446049250313e-16;
}
