namespace NestSharp.Models.Neurons;

/// <summary>
/// The membrane of NEST's conductance-based integrate-and-fire models (iaf_cond_exp, iaf_cond_alpha, iaf_cond_beta,
/// iaf_cond_exp_sfa_rr), declared into a model's schema once: V_th, V_reset, E_L, E_ex, E_in (mV), t_ref (ms), g_L (nS),
/// C_m (pF), I_e (pA) with NEST's defaults (the model's where they differ) and checks, the state V_m (mV, absolute, starting at -70 mV) and the remaining refractory steps.
/// A model adds its synaptic time constants and conductances itself. What the three share while they run:
/// <list type="bullet">
/// <item>the GSL error control of NEST's set-up, on the values with an absolute tolerance of 1e-3 and no relative one;</item>
/// <item>while refractory, the dynamics see V = V_reset and dV/dt = 0; otherwise V = min(V_m, V_th);</item>
/// <item>after the step: a refractory neuron counts down and V_m is set to V_reset; otherwise V_m &gt;= V_th is a spike,
/// V_m = V_reset and t_ref (rounded up to whole steps) starts.</item>
/// </list>
/// </summary>
internal sealed class IafCondMembrane
{
    public const string AllTimeConstantsPositive = "all time constants must be strictly positive";

    /// <summary>NEST's error control of these models: gsl_odeiv_control_y_new(1e-3, 0).</summary>
    public static readonly ErrorControl Control = ErrorControl.OnValues(1e-3, 0.0);

    public readonly Column VTh, VReset, TRef, GL, Cm, EEx, EIn, EL, Ie;

    /// <summary>V_m (mV), stored as it is shown (NEST keeps the absolute potential in the integrated state).</summary>
    public readonly Column Vm;

    /// <summary>Refractory steps remaining (NEST's r), a column so that frozen nodes keep it.</summary>
    public readonly Column RefractorySteps;

    /// <summary>The defaults of iaf_cond_exp, iaf_cond_alpha and iaf_cond_beta.</summary>
    public static readonly Defaults StandardDefaults = new(VTh: -55.0, VReset: -60.0, TRef: 2.0, GL: 16.6667, Cm: 250.0, EEx: 0.0, EIn: -85.0, EL: -70.0);

    /// <summary>A model's defaults of the membrane's parameters (V_m starts at E_L).</summary>
    internal readonly record struct Defaults(double VTh, double VReset, double TRef, double GL, double Cm, double EEx, double EIn, double EL);

    public IafCondMembrane(NeuronSchema schema) : this(schema, StandardDefaults) { }

    public IafCondMembrane(NeuronSchema schema, in Defaults defaults)
    {
        VTh = schema.Parameter("V_th", defaults.VTh, "mV");
        VReset = schema.Parameter("V_reset", defaults.VReset, "mV");
        TRef = schema.Parameter("t_ref", defaults.TRef, "ms", Requirement.NonNegative("refractory time cannot be negative"));
        GL = schema.Parameter("g_L", defaults.GL, "nS");
        Cm = schema.Parameter("C_m", defaults.Cm, "pF", Requirement.Positive("capacitance must be strictly positive"));
        EEx = schema.Parameter("E_ex", defaults.EEx, "mV");
        EIn = schema.Parameter("E_in", defaults.EIn, "mV");
        EL = schema.Parameter("E_L", defaults.EL, "mV");
        Ie = schema.Parameter("I_e", 0.0, "pA");
        Vm = schema.State("V_m", defaults.EL, "mV");
        RefractorySteps = schema.Internal("refractory_steps");
    }

    /// <summary>NEST's check that the reset potential lies below the threshold, naming V_reset.</summary>
    public void Validate(in StatusRow row) =>
        row.Require(row[VReset] < row[VTh], VReset, $"reset potential must be smaller than threshold (V_th = {row[VTh]})");

    /// <summary>The membrane's constants of the node at storage position <paramref name="i"/> for a run.</summary>
    /// <param name="columns">The group's storage, one array per column of the schema.</param>
    /// <param name="i">The node's storage position.</param>
    /// <param name="time">The run's time grid (t_ref in steps: NEST's Time(ms).get_steps()).</param>
    public Constants ConstantsOf(double[][] columns, int i, TimeGrid time) => new()
    {
        VTh = columns[VTh.Index][i],
        VReset = columns[VReset.Index][i],
        GL = columns[GL.Index][i],
        Cm = columns[Cm.Index][i],
        EEx = columns[EEx.Index][i],
        EIn = columns[EIn.Index][i],
        EL = columns[EL.Index][i],
        Ie = columns[Ie.Index][i],
        RefractorySteps = time.MsToStepsCeil(columns[TRef.Index][i]),
    };

    /// <summary>What the membrane's dynamics and its threshold need of one parameter row.</summary>
    internal struct Constants
    {
        public double VTh, VReset, GL, Cm, EEx, EIn, EL, Ie;
        public long RefractorySteps;

        /// <summary>The potential the currents see: V_reset while refractory, else V_m bounded above by V_th.</summary>
        public readonly double EffectivePotential(double vm, bool refractory) => refractory ? VReset : (VTh < vm ? VTh : vm);

        /// <summary>
        /// The currents at the potential the currents see (<see cref="EffectivePotential"/>): the synaptic ones,
        /// g_ex (V - E_ex) and g_in (V - E_in), and the leak g_L (V - E_L) (pA). Each model sums them in NEST's order.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly (double SynEx, double SynIn, double Leak) Currents(double vm, bool refractory, double gEx, double gIn)
        {
            double v = EffectivePotential(vm, refractory);
            return (gEx * (v - EEx), gIn * (v - EIn), GL * (v - EL));
        }
    }

    /// <summary>
    /// The <see cref="Constants"/> of four nodes and whether each is refractory, one per SIMD lane, with the
    /// membrane's terms computed lane by lane exactly as <see cref="Constants"/> computes them for one node.
    /// </summary>
    internal struct LaneConstants
    {
        public Vector256<double> VTh, VReset, GL, Cm, EEx, EIn, EL, Ie;

        /// <summary>All bits set in the lanes of refractory nodes.</summary>
        public Vector256<double> Refractory;

        /// <summary>Gives every lane the constants <paramref name="c"/>; no lane is refractory until <see cref="Refractory"/> is set.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public LaneConstants(in Constants c)
        {
            VTh = Vector256.Create(c.VTh);
            VReset = Vector256.Create(c.VReset);
            GL = Vector256.Create(c.GL);
            Cm = Vector256.Create(c.Cm);
            EEx = Vector256.Create(c.EEx);
            EIn = Vector256.Create(c.EIn);
            EL = Vector256.Create(c.EL);
            Ie = Vector256.Create(c.Ie);
            Refractory = Vector256<double>.Zero;
        }

        /// <summary>The lane mask of the nodes first .. + 3 whose remaining refractory steps (<paramref name="refractorySteps"/>) are positive.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> RefractoryOf(double[] refractorySteps, int first) =>
            Vector256.GreaterThan(Vector256.LoadUnsafe(ref refractorySteps[first]), Vector256<double>.Zero);

        /// <summary>Gives lane l the constants of system l and whether it is refractory.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public LaneConstants(in Constants c0, bool refractory0, in Constants c1, bool refractory1, in Constants c2, bool refractory2,
            in Constants c3, bool refractory3)
        {
            VTh = Vector256.Create(c0.VTh, c1.VTh, c2.VTh, c3.VTh);
            VReset = Vector256.Create(c0.VReset, c1.VReset, c2.VReset, c3.VReset);
            GL = Vector256.Create(c0.GL, c1.GL, c2.GL, c3.GL);
            Cm = Vector256.Create(c0.Cm, c1.Cm, c2.Cm, c3.Cm);
            EEx = Vector256.Create(c0.EEx, c1.EEx, c2.EEx, c3.EEx);
            EIn = Vector256.Create(c0.EIn, c1.EIn, c2.EIn, c3.EIn);
            EL = Vector256.Create(c0.EL, c1.EL, c2.EL, c3.EL);
            Ie = Vector256.Create(c0.Ie, c1.Ie, c2.Ie, c3.Ie);
            Refractory = Vector256.Create(Lanes.MaskOf(refractory0), Lanes.MaskOf(refractory1), Lanes.MaskOf(refractory2), Lanes.MaskOf(refractory3));
        }

        /// <summary>As <see cref="Constants.EffectivePotential"/>, per lane.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly Vector256<double> EffectivePotential(Vector256<double> vm) =>
            Vector256.ConditionalSelect(Refractory, VReset, Vector256.ConditionalSelect(Vector256.LessThan(VTh, vm), VTh, vm));

        /// <summary>As <see cref="Constants.Currents"/>, per lane.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly (Vector256<double> SynEx, Vector256<double> SynIn, Vector256<double> Leak) Currents(Vector256<double> vm,
            Vector256<double> gEx, Vector256<double> gIn)
        {
            var v = EffectivePotential(vm);
            return (gEx * (v - EEx), gIn * (v - EIn), GL * (v - EL));
        }

        /// <summary><paramref name="dvdt"/> in the lanes of nodes that are not refractory, 0 in the others.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly Vector256<double> UnlessRefractory(Vector256<double> dvdt) =>
            Vector256.AndNot(dvdt, Refractory); // ConditionalSelect(Refractory, +0, dvdt) bit for bit, in fewer instructions
    }

    /// <summary>
    /// <see cref="RefractoryOrThreshold"/> of nodes <paramref name="first"/> .. + 3 of <paramref name="group"/>, whose
    /// V_m are the lanes of <paramref name="vm"/>, run only in the lanes where it changes something (refractory, or
    /// V_m not below V_th); their spikes go to <paramref name="spikes"/> at <paramref name="lag"/> in node order.
    /// Returns the lanes that fired (bit l for lane l).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int RefractoryOrThresholdLanes(in Constants c, double[] refractorySteps, int first, ref Vector256<double> vm,
        NeuronGroup group, SpikeBuffer spikes, int lag)
    {
        var quiet = Vector256.AndNot(Vector256.LessThan(vm, Vector256.Create(c.VTh)), LaneConstants.RefractoryOf(refractorySteps, first));
        int eventful = ~Lanes.BitsOf(quiet) & ((1 << Lanes.Count) - 1);
        int fired = 0;
        for (int lane = 0; eventful != 0; lane++, eventful >>= 1)
        {
            if ((eventful & 1) == 0) continue;
            if (RefractoryOrThreshold(c, ref refractorySteps[first + lane], ref Lanes.Element(ref vm, lane)))
            {
                spikes.Add(lag, group.IdOf(first + lane));
                fired |= 1 << lane;
            }
        }
        return fired;
    }

    /// <summary>
    /// NEST's refractoriness and threshold after a step: counts a refractory neuron down and holds V_m at V_reset, or
    /// fires when V_m reached V_th. Returns whether the neuron spiked.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool RefractoryOrThreshold(in Constants c, ref double refractorySteps, ref double vm)
    {
        if (refractorySteps > 0)
        {
            refractorySteps--;
            vm = c.VReset;
            return false;
        }
        if (vm < c.VTh) return false;
        refractorySteps = c.RefractorySteps;
        vm = c.VReset;
        return true;
    }
}
