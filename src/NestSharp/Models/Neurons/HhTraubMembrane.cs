namespace NestSharp.Models.Neurons;

/// <summary>
/// What hh_cond_exp_traub and hh_cond_beta_gap_traub share, declared into a model's schema once, in NEST's order: the
/// parameters g_Na, g_K, g_L (nS), C_m (pF), E_Na, E_K, E_L, V_T, E_ex, E_in (mV), then the model's synaptic time
/// constants (ms, given by the model), t_ref (ms) and I_e (pA), with NEST's defaults (V_T the model's) and checks (C_m
/// and the time constants positive, t_ref not negative, the conductances not negative where the model's NEST source
/// checks them, hh_cond_beta_gap_traub's); the states V_m, Act_m, Inact_h, Act_n (<see cref="HhGates"/>, a new neuron
/// at -60 mV, NEST's default E_L, with its gates at the steady state of the Traub rates evaluated at u = -60, as NEST
/// initialises them); the synaptic conductances g_ex and g_in (recordable, not in the status), each after its
/// derivative dg_ex, dg_in where the conductances are beta functions; the refractory count; the inputs spikes_ex,
/// spikes_in (a weight of zero is inhibitory) and currents of receptor 0; and the recordables V_m, g_ex, g_in, Act_m,
/// Inact_h, Act_n. The channels, V_T, E_ex, E_in (a <see cref="TraubCell"/>), the spike threshold (V_T + 30 mV) and
/// t_ref in steps of a node come from <see cref="CellOf"/>, <see cref="SpikeThresholdOf"/> and <see cref="RefractoryStepsOf"/>.
/// </summary>
internal sealed class HhTraubMembrane
{
    public const string ConductancesNonNegative = "all conductances must be non-negative";

    private const string TimeConstantsPositive = "all time constants must be strictly positive";

    /// <summary>The potential at which a new neuron starts (mV; NEST's default E_L).</summary>
    private const double InitialPotential = -60.0;

    /// <summary>How far above V_T the potential must have risen for a spike (mV).</summary>
    private const double SpikeHeightAboveVT = 30.0;

    public readonly Column GNa, GK, GL, Cm, ENa, EK, EL, VT, EEx, EIn;

    /// <summary>The model's synaptic time constants (ms), in the order the model gave them.</summary>
    public readonly Column[] TimeConstants;

    public readonly Column TRef, Ie;

    /// <summary>V_m, Act_m, Inact_h, Act_n.</summary>
    public readonly HhGates Gates;

    /// <summary>The synaptic conductances (nS).</summary>
    public readonly Column GEx, GIn;

    /// <summary>The derivatives of beta-shaped synaptic conductances (null for exponential ones).</summary>
    public readonly Column? DGEx, DGIn;

    /// <summary>Refractory steps remaining (NEST's r_).</summary>
    public readonly Column RefractorySteps;

    /// <summary>spikes_ex, spikes_in and currents (receptor 0).</summary>
    public readonly SignedSpikeAndCurrentInputs Inputs;

    /// <summary>The integrated state in NEST's order: V_m, Act_m, Inact_h, Act_n, then (dg_ex,) g_ex, (dg_in,) g_in.</summary>
    private readonly Column[] _integrated;

    /// <param name="schema">The model's schema.</param>
    /// <param name="vT">The model's default V_T (mV).</param>
    /// <param name="conductancesNonNegative">Whether g_Na, g_K and g_L must not be negative.</param>
    /// <param name="timeConstants">The model's synaptic time constants (ms) with their defaults, in NEST's order.</param>
    /// <param name="betaConductances">Whether the synaptic conductances are beta functions, with derivatives dg_ex and dg_in in the state.</param>
    public HhTraubMembrane(NeuronSchema schema, double vT, bool conductancesNonNegative, ReadOnlySpan<(string Name, double Default)> timeConstants,
        bool betaConductances)
    {
        Requirement? conductance = conductancesNonNegative ? Requirement.NonNegative(ConductancesNonNegative) : null;
        GNa = schema.Parameter("g_Na", 20000.0, "nS", conductance);
        GK = schema.Parameter("g_K", 6000.0, "nS", conductance);
        GL = schema.Parameter("g_L", 10.0, "nS", conductance);
        Cm = schema.Parameter("C_m", 200.0, "pF", Requirement.Positive("capacitance must be strictly positive"));
        ENa = schema.Parameter("E_Na", 50.0, "mV");
        EK = schema.Parameter("E_K", -90.0, "mV");
        EL = schema.Parameter("E_L", -60.0, "mV");
        VT = schema.Parameter("V_T", vT, "mV");
        EEx = schema.Parameter("E_ex", 0.0, "mV");
        EIn = schema.Parameter("E_in", -80.0, "mV");
        TimeConstants = new Column[timeConstants.Length];
        for (int k = 0; k < timeConstants.Length; k++)
            TimeConstants[k] = schema.Parameter(timeConstants[k].Name, timeConstants[k].Default, "ms", Requirement.Positive(TimeConstantsPositive));
        TRef = schema.Parameter("t_ref", 2.0, "ms", Requirement.NonNegative("refractory time cannot be negative"));
        Ie = schema.Parameter("I_e", 0.0, "pA");
        Gates = new HhGates(schema, InitialPotential, HhCondExpTraub.Rates.At(InitialPotential));
        if (betaConductances) DGEx = schema.Internal("dg_ex");
        GEx = schema.Internal("g_ex");
        if (betaConductances) DGIn = schema.Internal("dg_in");
        GIn = schema.Internal("g_in");
        RefractorySteps = schema.Internal("refractory_steps");
        Inputs = new SignedSpikeAndCurrentInputs(schema, SpikeRouting.BySignZeroInhibitory);
        schema.Recordable(Gates.Vm, GEx, GIn, Gates.ActM, Gates.InactH, Gates.ActN);
        _integrated = betaConductances
            ? [Gates.Vm, Gates.ActM, Gates.InactH, Gates.ActN, DGEx!.Value, GEx, DGIn!.Value, GIn]
            : [Gates.Vm, Gates.ActM, Gates.InactH, Gates.ActN, GEx, GIn];
    }

    /// <summary>The storage of the integrated state (V_m, Act_m, Inact_h, Act_n, then (dg_ex,) g_ex, (dg_in,) g_in: NEST's order).</summary>
    /// <param name="columns">The group's storage, one array per column of the schema.</param>
    public double[][] IntegratedStateOf(double[][] columns) => Array.ConvertAll(_integrated, column => columns[column.Index]);

    /// <summary>The channels, V_T, E_ex and E_in of the node at storage position <paramref name="i"/>.</summary>
    /// <param name="columns">The group's storage, one array per column of the schema.</param>
    /// <param name="i">The node's storage position.</param>
    public TraubCell CellOf(double[][] columns, int i) => new()
    {
        Channels = new HhChannels
        {
            GNa = columns[GNa.Index][i], GK = columns[GK.Index][i], GL = columns[GL.Index][i], Cm = columns[Cm.Index][i],
            ENa = columns[ENa.Index][i], EK = columns[EK.Index][i], EL = columns[EL.Index][i], Ie = columns[Ie.Index][i],
        },
        VT = columns[VT.Index][i], EEx = columns[EEx.Index][i], EIn = columns[EIn.Index][i],
    };

    /// <summary>The spike threshold V_T + 30 mV of the node at storage position <paramref name="i"/>.</summary>
    /// <param name="columns">The group's storage, one array per column of the schema.</param>
    /// <param name="i">The node's storage position.</param>
    public double SpikeThresholdOf(double[][] columns, int i) => columns[VT.Index][i] + SpikeHeightAboveVT;

    /// <summary>t_ref of the node at storage position <paramref name="i"/> in steps of <paramref name="time"/> (NEST's Time(ms).get_steps()).</summary>
    /// <param name="columns">The group's storage, one array per column of the schema.</param>
    /// <param name="i">The node's storage position.</param>
    /// <param name="time">The run's time grid.</param>
    public long RefractoryStepsOf(double[][] columns, int i, TimeGrid time) => time.MsToStepsCeil(columns[TRef.Index][i]);
}

/// <summary>
/// The constants of a Traub membrane that the dynamics of a node read (its channels, V_T, E_ex and E_in), and the
/// right-hand side the two Traub models share: the currents through the conductances (channels and synapses) and the
/// gates' derivatives.
/// </summary>
internal struct TraubCell
{
    public HhChannels Channels;
    public double VT, EEx, EIn;

    /// <summary>
    /// The currents through the conductances, -I_Na - I_K - I_L - g_ex (V - E_ex) - g_in (V - E_in) (pA), summed in
    /// NEST's order; the model adds its inputs to it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly double ConductanceCurrents(double v, double m, double h, double n, double gEx, double gIn)
    {
        var (iNa, iK, iL) = Channels.Currents(v, m, h, n);
        return -iNa - iK - iL - gEx * (v - EEx) - gIn * (v - EIn);
    }

    /// <summary>dm/dt, dh/dt, dn/dt with the Traub rates at u = V - V_T, into <paramref name="f"/> after V (the gates' order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void GateDerivatives(double v, double m, double h, double n, Span<double> f)
    {
        var r = HhCondExpTraub.Rates.At(v - VT);
        f[HhGates.YM] = r.AlphaM - (r.AlphaM + r.BetaM) * m;
        f[HhGates.YH] = r.AlphaH - (r.AlphaH + r.BetaH) * h;
        f[HhGates.YN] = r.AlphaN - (r.AlphaN + r.BetaN) * n;
    }
}

/// <summary>As <see cref="TraubCell"/> for four nodes, one per SIMD lane, with the same operations in the same order.</summary>
internal readonly struct LaneTraubCell
{
    public readonly LaneHhChannels Channels;
    private readonly Vector256<double> _vT, _eEx, _eIn;

    /// <summary>Every lane with the constants of <paramref name="cell"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public LaneTraubCell(in TraubCell cell)
    {
        Channels = new(cell.Channels);
        _vT = Vector256.Create(cell.VT);
        _eEx = Vector256.Create(cell.EEx);
        _eIn = Vector256.Create(cell.EIn);
    }

    /// <summary>Lane l with the constants of cell l.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public LaneTraubCell(in TraubCell c0, in TraubCell c1, in TraubCell c2, in TraubCell c3)
    {
        Channels = new(c0.Channels, c1.Channels, c2.Channels, c3.Channels);
        _vT = Vector256.Create(c0.VT, c1.VT, c2.VT, c3.VT);
        _eEx = Vector256.Create(c0.EEx, c1.EEx, c2.EEx, c3.EEx);
        _eIn = Vector256.Create(c0.EIn, c1.EIn, c2.EIn, c3.EIn);
    }

    /// <summary>As <see cref="TraubCell.ConductanceCurrents"/>, per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> ConductanceCurrents(Vector256<double> v, Vector256<double> m, Vector256<double> h, Vector256<double> n,
        Vector256<double> gEx, Vector256<double> gIn)
    {
        var (iNa, iK, iL) = Channels.Currents(v, m, h, n);
        return Lanes.Negate(iNa) - iK - iL - gEx * (v - _eEx) - gIn * (v - _eIn);
    }

    /// <summary>As <see cref="TraubCell.GateDerivatives"/>, per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void GateDerivatives(Vector256<double> v, Vector256<double> m, Vector256<double> h, Vector256<double> n, Span<Vector256<double>> f)
    {
        var r = HhCondExpTraub.Rates.At(v - _vT);
        f[HhGates.YM] = r.AlphaM - (r.AlphaM + r.BetaM) * m;
        f[HhGates.YH] = r.AlphaH - (r.AlphaH + r.BetaH) * h;
        f[HhGates.YN] = r.AlphaN - (r.AlphaN + r.BetaN) * n;
    }
}
