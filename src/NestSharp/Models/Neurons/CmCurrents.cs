namespace NestSharp.Models.Neurons;

/// <summary>
/// The ion channels of cm_default's compartments (NEST's cm_compartmentcurrents): Hodgkin-Huxley style Na and K
/// channels after Mainen's na.mod and kv.mod (Branco et al. 2010, ModelDB 140828), with NEST's constants and guards
/// against 0/0. Each gate x relaxes towards x_inf(v) with time constant tau_x(v) over a step h:
/// x ← x·exp(-h/tau_x) + (1 - exp(-h/tau_x))·x_inf. g_Na = gbar_Na·m³·h, g_K = gbar_K·n (uS); a channel with
/// gbar ≤ 1e-9 uS is off (its gates stay as they are). The gates start at their x_inf of the compartment's initial
/// voltage.
/// </summary>
internal static class CmChannels
{
    /// <summary>NEST's temperature factor of the rates (1/3.21).</summary>
    private const double Q10 = 1.0 / 3.21;

    /// <summary>A channel with at most this maximal conductance (uS) is off.</summary>
    public const double Off = 1e-9;

    /// <summary>m_inf and tau_m of the Na channel at <paramref name="v"/> (mV).</summary>
    public static (double Inf, double Tau) SodiumM(double v) => ExponentialGate(v + 35.013, 0.182, 0.124, 1.638, 1.116);

    /// <summary>h_inf and tau_h of the Na channel at <paramref name="v"/> (mV).</summary>
    public static (double Inf, double Tau) SodiumH(double v)
    {
        double vPlus50 = v + 50.013, vPlus75 = v + 75.013;
        double alpha = Math.Abs(vPlus50) > 1e-5 ? 0.024 * vPlus50 / (1.0 - Math.Exp(-0.2 * vPlus50)) : 0.12;
        double beta = Math.Abs(vPlus75) > 1e-9 ? -0.0091 * vPlus75 / (1.0 - Math.Exp(0.2 * vPlus75)) : 0.0455;
        return (1.0 / (1.0 + Math.Exp((v + 65.0) / 6.2)), Q10 / (alpha + beta));
    }

    /// <summary>n_inf and tau_n of the K channel at <paramref name="v"/> (mV).</summary>
    public static (double Inf, double Tau) PotassiumN(double v) => ExponentialGate(v - 25.0, 0.02, 0.002, 0.18, 0.018);

    /// <summary>
    /// x_inf and tau_x of a gate whose rates at the shifted potential <paramref name="x"/> (mV) are
    /// alpha = a·x·e/(e - 1) and beta = b·x/(e - 1), e = exp(x/9), as NEST's Na m and K n gates compute them (and their
    /// limits <paramref name="alphaAtZero"/>, <paramref name="betaAtZero"/> for |x| &lt;= 1e-5).
    /// </summary>
    private static (double Inf, double Tau) ExponentialGate(double x, double a, double b, double alphaAtZero, double betaAtZero)
    {
        double alpha, inverseSum;
        if (Math.Abs(x) > 1e-5)
        {
            double e = Math.Exp(0.111111111111111 * x);
            double inverse = 1.0 / (e - 1.0);
            alpha = a * x * e * inverse;
            double beta = b * x * inverse;
            inverseSum = 1.0 / (alpha + beta);
        }
        else
        {
            alpha = alphaAtZero;
            inverseSum = 1.0 / (alpha + betaAtZero);
        }
        return (alpha * inverseSum, Q10 * inverseSum);
    }

    /// <summary>NEST's NMDA voltage dependence 1/(1 + 0.3·exp(-0.1·v)) and its derivative by v.</summary>
    public static (double Sigmoid, double Derivative) NmdaSigmoid(double v)
    {
        double e = Math.Exp(-0.1 * v);
        double denominator = 1.0 + 0.3 * e;
        return (1.0 / denominator, 0.03 * e / NumericsHelper.Squared(denominator));
    }

    /// <summary>
    /// The factor that makes a rise/decay difference of exponentials peak at 1:
    /// 1/(exp(-tp/tau_d) - exp(-tp/tau_r)) with tp = tau_r·tau_d/(tau_d - tau_r)·ln(tau_d/tau_r).
    /// </summary>
    public static double PeakNormalisation(double tauRise, double tauDecay)
    {
        double tp = tauRise * tauDecay / (tauDecay - tauRise) * Math.Log(tauDecay / tauRise);
        return 1.0 / (-Math.Exp(-tp / tauRise) + Math.Exp(-tp / tauDecay));
    }
}

/// <summary>The receptor types of cm_default, in the order NEST sums their currents within a compartment.</summary>
internal enum CmReceptorKind
{
    /// <summary>AMPA: e_AMPA 0 mV, tau_r_AMPA 0.2 ms, tau_d_AMPA 3 ms.</summary>
    Ampa,

    /// <summary>GABA: e_GABA -80 mV, tau_r_GABA 0.2 ms, tau_d_GABA 10 ms.</summary>
    Gaba,

    /// <summary>NMDA: e_NMDA 0 mV, tau_r_NMDA 0.2 ms, tau_d_NMDA 43 ms, with the NMDA voltage dependence.</summary>
    Nmda,

    /// <summary>AMPA and NMDA on one input: e_AMPA_NMDA 0 mV, the AMPA and NMDA time constants, NMDA_ratio 2.</summary>
    AmpaNmda,
}

/// <summary>
/// The parameters of one receptor of cm_default, as NEST's receptor classes read them from a receptor's "params"
/// (each type reads its own keys only; others are unaccessed entries). Rise and decay use the first pair of time
/// constants; AMPA_NMDA's NMDA part the second.
/// </summary>
internal readonly record struct CmReceptorParameters(
    CmReceptorKind Kind, double Reversal, double TauRise, double TauDecay, double TauRise2, double TauDecay2, double NmdaRatio)
{
    /// <summary>The names NEST gives the receptor types in "receptor_type".</summary>
    public static string NameOf(CmReceptorKind kind) => kind switch
    {
        CmReceptorKind.Ampa => "AMPA",
        CmReceptorKind.Gaba => "GABA",
        CmReceptorKind.Nmda => "NMDA",
        _ => "AMPA_NMDA",
    };

    /// <summary>The receptor type named <paramref name="name"/>, or null.</summary>
    public static CmReceptorKind? KindOf(string name) => name switch
    {
        "AMPA" => CmReceptorKind.Ampa,
        "GABA" => CmReceptorKind.Gaba,
        "NMDA" => CmReceptorKind.Nmda,
        "AMPA_NMDA" => CmReceptorKind.AmpaNmda,
        _ => null,
    };

    /// <summary>The parameter keys of <paramref name="kind"/>.</summary>
    public static string[] KeysOf(CmReceptorKind kind) => kind switch
    {
        CmReceptorKind.Ampa => ["e_AMPA", "tau_r_AMPA", "tau_d_AMPA"],
        CmReceptorKind.Gaba => ["e_GABA", "tau_r_GABA", "tau_d_GABA"],
        CmReceptorKind.Nmda => ["e_NMDA", "tau_r_NMDA", "tau_d_NMDA"],
        _ => ["e_AMPA_NMDA", "tau_r_AMPA", "tau_d_AMPA", "tau_r_NMDA", "tau_d_NMDA", "NMDA_ratio"],
    };

    /// <summary>The number of conductance state variables (rise and decay per part).</summary>
    public int StateCount => Kind == CmReceptorKind.AmpaNmda ? 4 : 2;

    /// <summary>The recordable names of the receptor with index <paramref name="index"/>, in the order of its state.</summary>
    public string[] RecordableNames(int index)
    {
        string r = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Kind switch
        {
            CmReceptorKind.Ampa => ["g_r_AMPA_" + r, "g_d_AMPA_" + r],
            CmReceptorKind.Gaba => ["g_r_GABA_" + r, "g_d_GABA_" + r],
            CmReceptorKind.Nmda => ["g_r_NMDA_" + r, "g_d_NMDA_" + r],
            _ => ["g_r_AN_AMPA_" + r, "g_d_AN_AMPA_" + r, "g_r_AN_NMDA_" + r, "g_d_AN_NMDA_" + r],
        };
    }

    /// <summary>NEST's defaults of <paramref name="kind"/>.</summary>
    public static CmReceptorParameters Default(CmReceptorKind kind) => kind switch
    {
        CmReceptorKind.Ampa => new(kind, 0.0, 0.2, 3.0, 0.0, 0.0, 0.0),
        CmReceptorKind.Gaba => new(kind, -80.0, 0.2, 10.0, 0.0, 0.0, 0.0),
        CmReceptorKind.Nmda => new(kind, 0.0, 0.2, 43.0, 0.0, 0.0, 0.0),
        _ => new(kind, 0.0, 0.2, 3.0, 0.2, 43.0, 2.0),
    };

    /// <summary>The defaults of <paramref name="kind"/> with what <paramref name="values"/> gives (keys of the kind only).</summary>
    public static CmReceptorParameters Read(CmReceptorKind kind, IReadOnlyDictionary<string, object> values)
    {
        var p = Default(kind);
        double Take(string key, double value) => values.TryGetValue(key, out var given) ? StatusValue.ToDouble(key, given) : value;
        string[] keys = KeysOf(kind);
        p = p with { Reversal = Take(keys[0], p.Reversal), TauRise = Take(keys[1], p.TauRise), TauDecay = Take(keys[2], p.TauDecay) };
        if (kind == CmReceptorKind.AmpaNmda)
            p = p with { TauRise2 = Take(keys[3], p.TauRise2), TauDecay2 = Take(keys[4], p.TauDecay2), NmdaRatio = Take(keys[5], p.NmdaRatio) };
        return p;
    }
}
