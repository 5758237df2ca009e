namespace NestSharp.Models.Neurons;

/// <summary>
/// astrocyte_lr_1994: the calcium dynamics of an astrocyte after Li and Rinzel (1994), with the input and output of
/// Nadkarni and Jung (2003). Three state variables: the cytosolic IP3 concentration, the cytosolic calcium
/// concentration Ca_astro (c below, bounded to [0, Ca_tot] where the equations read it) and the fraction h_IP3R of IP3
/// receptors not yet inactivated by calcium:
/// <code>
/// d[IP3]/dt  = (IP3_0 - [IP3]) / tau_IP3
/// dc/dt      = J_channel - J_pump + J_leak + J_noise
/// dh/dt      = alpha_h (1 - h) - beta_h h
/// c_ER       = (Ca_tot - c) / ratio_ER_cyt
/// J_channel  = ratio_ER_cyt rate_IP3R m_inf^3 n_inf^3 h^3 (c_ER - c),   m_inf = IP3 / (IP3 + Kd_IP3_1),  n_inf = c / (c + Kd_act)
/// J_pump     = rate_SERCA c^2 / (Km_SERCA^2 + c^2),                     J_leak = ratio_ER_cyt rate_L (c_ER - c)
/// alpha_h    = k_IP3R Kd_inh (IP3 + Kd_IP3_1) / (IP3 + Kd_IP3_2),        beta_h = k_IP3R c
/// </code>
/// J_noise is the current input (receptor 0) that arrived in the step before. Each step h is integrated by adaptive
/// Runge-Kutta-Fehlberg 4(5) steps (error control on the values, absolute tolerance 1e-3, as NEST's GSL set-up). After
/// the step, in NEST's order: Ca_astro is clamped to [0, Ca_tot]; the spikes arriving in the step raise IP3 by
/// delta_IP3 times their summed weight (a negative weight fails with KernelException, as NEST's handler); the slow
/// inward current of the step is SIC_scale ln((Ca_astro - SIC_th)·1000) when (Ca_astro - SIC_th)·1000 &gt; 1 (Ca in
/// nM), else 0; the step's current input becomes J_noise of the next step.
/// The slow inward currents of a slice's steps go to the astrocyte's targets through sic_connection at the end of the
/// slice (NEST's SICEvent, a secondary event, <see cref="AstrocyteEvents.SlowInwardCurrent"/>).
/// The astrocyte sends no spikes (a connection from it through a spiking synapse is refused); it is a plain node in
/// NEST, not an archiving one, so its status has no spike history or calcium keys of the structural plasticity.
/// <para>Parameters (units): Ca_tot, IP3_0, Kd_IP3_1, Kd_IP3_2, Kd_act, Kd_inh, Km_SERCA, SIC_th, delta_IP3 (µM),
/// SIC_scale, ratio_ER_cyt (dimensionless), k_IP3R (1/(µM ms)), rate_IP3R, rate_L (1/ms), rate_SERCA (µM/ms), tau_IP3
/// (ms). State: IP3, Ca_astro (µM), h_IP3R. Recordables: IP3, Ca_astro, h_IP3R.</para>
/// <para>References: Li YX, Rinzel J (1994) J Theor Biol 166:461-473. De Young GW, Keizer J (1992) PNAS 89:9895-9899.
/// Nadkarni S, Jung P (2003) Phys Rev Lett 91:268101. NEST model documentation, astrocyte_lr_1994 (NEST 3.10).</para>
/// </summary>
[NodeModelName("astrocyte_lr_1994")]
internal sealed class AstrocyteLr1994 : Rkf45NeuronGroup<AstrocyteLr1994.Dynamics, AstrocyteLr1994.Dynamics>
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForPlainNode();

    // Declared in the order NEST checks them.
    private static readonly Column CaTot = Declared.Parameter("Ca_tot", 2.0, "µM",
        Requirement.Positive("the total free calcium concentration (in terms of cytosolic volume) must be positive"));
    private static readonly Column Ip30 = Declared.Parameter("IP3_0", 0.16, "µM",
        Requirement.NonNegative("the baseline IP3 concentration must not be negative"));
    private static readonly Column KdAct = Declared.Parameter("Kd_act", 0.08234, "µM",
        Requirement.Positive("the IP3R dissociation constant of calcium activation must be positive"));
    private static readonly Column KdInh = Declared.Parameter("Kd_inh", 1.049, "µM",
        Requirement.NonNegative("the IP3R dissociation constant of calcium inhibition must not be negative"));
    private static readonly Column KdIp31 = Declared.Parameter("Kd_IP3_1", 0.13, "µM",
        Requirement.Positive("the first IP3R dissociation constant of IP3 must be positive"));
    private static readonly Column KdIp32 = Declared.Parameter("Kd_IP3_2", 0.9434, "µM",
        Requirement.Positive("the second IP3R dissociation constant of IP3 must be positive"));
    private static readonly Column KmSerca = Declared.Parameter("Km_SERCA", 0.1, "µM",
        Requirement.Positive("the half-activation constant of the SERCA pump must be positive"));
    private static readonly Column RatioErCyt = Declared.Parameter("ratio_ER_cyt", 0.185, "",
        Requirement.Positive("the ratio of ER to cytosol volume must be positive"));
    private static readonly Column DeltaIp3 = Declared.Parameter("delta_IP3", 0.0002, "µM",
        Requirement.NonNegative("the IP3 increase per unit of synaptic input must not be negative"));
    private static readonly Column KIp3r = Declared.Parameter("k_IP3R", 0.0002, "1/(µM*ms)",
        Requirement.NonNegative("the IP3R binding constant of calcium inhibition must not be negative"));
    private static readonly Column SicScale = Declared.Parameter("SIC_scale", 1.0, "",
        Requirement.Positive("the scale of the slow inward current must be positive"));
    private static readonly Column SicTh = Declared.Parameter("SIC_th", 0.19669, "µM",
        Requirement.NonNegative("the calcium threshold of the slow inward current must not be negative"));
    private static readonly Column RateL = Declared.Parameter("rate_L", 0.00011, "1/ms",
        Requirement.NonNegative("the rate of the calcium leak from the ER must not be negative"));
    private static readonly Column RateIp3r = Declared.Parameter("rate_IP3R", 0.006, "1/ms",
        Requirement.NonNegative("the maximal rate of calcium release through IP3R must not be negative"));
    private static readonly Column RateSerca = Declared.Parameter("rate_SERCA", 0.0009, "µM/ms",
        Requirement.NonNegative("the maximal rate of calcium uptake by the SERCA pump must not be negative"));
    private static readonly Column TauIp3 = Declared.Parameter("tau_IP3", 7142.0, "ms",
        Requirement.Positive("the time constant of the IP3 decay must be positive"));

    private static readonly Column Ip3 = Declared.State("IP3", 0.16, "µM",
        Requirement.NonNegative("the IP3 concentration must not be negative"));
    private static readonly Column CaAstro = Declared.State("Ca_astro", 0.073, "µM",
        Requirement.NonNegative("the calcium concentration must not be negative"));
    private static readonly Column HIp3r = Declared.State("h_IP3R", 0.793, "",
        new Requirement(static v => v >= 0.0 && v <= 1.0, "the fraction of active IP3 receptors must lie in [0, 1]"));

    /// <summary>The slow inward current of the last step (NEST's sic_values of the step), the astrocyte's output.</summary>
    private static readonly Column Sic = Declared.Internal("SIC");

    // Spikes of non-negative weight (receptor 0) raise IP3; negative weights are collected apart and refused.
    private static readonly InputChannel Spikes = Declared.Input("spikes");
    private static readonly InputChannel NegativeSpikes = Declared.Input("negative_spikes");
    private static readonly InputChannel Currents = Declared.Input("currents");

    static AstrocyteLr1994()
    {
        Declared.SignedSpikeReceptor(0, Spikes, NegativeSpikes, SpikeRouting.BySignZeroExcitatory);
        Declared.CurrentReceptor(0, Currents);
        Declared.Recordable(Ip3, CaAstro, HIp3r);
    }

    /// <summary>Positions in the integrated state vector (NEST's order).</summary>
    private const int YIp3 = 0, YCa = 1, YH = 2;

    /// <summary>The right-hand side for one node's parameters and calcium input; also the constants of a parameter row.</summary>
    internal struct Dynamics : ICurrentDrivenOdeSystem, IRkf45Row<Dynamics, Dynamics>
    {
        public static int Dimension => 3;

        public double CaTot, Ip30, KdIp31, KdIp32, KdAct, KdInh, KmSerca, KIp3r, RateIp3r, RateL, RateSerca, RatioErCyt, TauIp3;

        /// <summary>After the step: delta_IP3, SIC_th and SIC_scale.</summary>
        public double DeltaIp3, SicTh, SicScale;

        /// <summary>J_noise: the calcium input of this step (µM/ms).</summary>
        public double IStim { readonly get; set; }

        public static ref readonly Dynamics SystemOf(in Dynamics row) => ref row;

        public static ErrorControl ControlOf(in Dynamics row) => ErrorControl.OnValues(1e-3, 0.0);

        public readonly void Derivatives(double t, ReadOnlySpan<double> y, Span<double> f)
        {
            double ip3 = y[YIp3], h = y[YH];
            double calc = Clamp(y[YCa], CaTot);
            double alphaH = KIp3r * KdInh * (ip3 + KdIp31) / (ip3 + KdIp32);
            double betaH = KIp3r * calc;
            double jPump = RateSerca * NumericsHelper.Squared(calc) / (NumericsHelper.Squared(KmSerca) + NumericsHelper.Squared(calc));
            double mInf = ip3 / (ip3 + KdIp31);
            double nInf = calc / (calc + KdAct);
            double calcEr = (CaTot - calc) / RatioErCyt;
            double jLeak = RatioErCyt * RateL * (calcEr - calc);
            double jChannel = RatioErCyt * RateIp3r * Math.Pow(mInf, 3) * Math.Pow(nInf, 3) * Math.Pow(h, 3) * (calcEr - calc);

            f[YIp3] = (Ip30 - ip3) / TauIp3;
            f[YCa] = jChannel - jPump + jLeak + IStim;
            f[YH] = alphaH * (1.0 - h) - betaH * h;
        }

        /// <summary>max(0, min(c, Ca_tot)) as NEST's std::max and std::min.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double Clamp(double c, double caTot)
        {
            double upper = caTot < c ? caTot : c;
            return 0.0 < upper ? upper : 0.0;
        }
    }

    public AstrocyteLr1994(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Currents)
    {
        IntegratedState = [this[Ip3], this[CaAstro], this[HIp3r]];
    }

    public override bool SupportsCheckpoint => true;

    /// <summary>NEST's astrocyte sends no spikes: it is no source of spiking connections or of spike recorders.</summary>
    public override bool EmitsSpikes => false;

    public override SynapseTestEvent SynapseTestEvent => SynapseTestEvent.None;

    /// <summary>NEST's sends_secondary_event(SICEvent): the slow inward current, through sic_connection.</summary>
    public override bool SendsSecondary(SecondaryEventType type) => ReferenceEquals(type, AstrocyteEvents.SlowInwardCurrent);

    public override bool SendsSecondaryEvents => true;

    // The slow inward currents of the slice, as NEST's sic_values: each node's row of the event buffer (-1: none).
    private double[] _sicSent = [];
    private int[] _sicRow = [];
    private int _sicStride;

    public override void Prepare(SimulationContext context)
    {
        var sic = context.Secondary.Of(AstrocyteEvents.SlowInwardCurrent);
        _sicSent = sic?.Sent ?? [];
        _sicStride = sic?.ValuesPerSlice ?? 0;
        if (_sicRow.Length != Count) _sicRow = new int[Count];
        for (int i = 0; i < Count; i++) _sicRow[i] = sic is null ? -1 : sic.RowOfNode[IdOf(i)];
        PlaceRestoredSic();
        PrepareIntegration(context, context.Time.StepToMs(1));
        ParameterSets.Build(Columns, Schema.ParameterColumns, Count, i => new Dynamics
        {
            CaTot = this[CaTot][i],
            Ip30 = this[Ip30][i],
            KdIp31 = this[KdIp31][i],
            KdIp32 = this[KdIp32][i],
            KdAct = this[KdAct][i],
            KdInh = this[KdInh][i],
            KmSerca = this[KmSerca][i],
            KIp3r = this[KIp3r][i],
            RateIp3r = this[RateIp3r][i],
            RateL = this[RateL][i],
            RateSerca = this[RateSerca][i],
            RatioErCyt = this[RatioErCyt][i],
            TauIp3 = this[TauIp3][i],
            DeltaIp3 = this[DeltaIp3][i],
            SicTh = this[SicTh][i],
            SicScale = this[SicScale][i],
        });
    }

    /// <summary>A restored checkpoint's slow inward currents of the current slice (by local index, then lag), until the next Prepare.</summary>
    private (double[] Values, bool[] Restored, int Stride)? _restoredSic;

    /// <summary>
    /// After the integrator's state: the slow inward currents of the slice so far, per node by local index: a run that ended within a slice has
    /// written its first steps, which the next run sends with the rest at the slice's end.
    /// </summary>
    protected override void SaveModelState(CheckpointWriter writer)
    {
        base.SaveModelState(writer);
        writer.Write(_sicStride);
        if (_sicStride == 0) return;
        var values = new double[Count * _sicStride];
        for (int local = 0; local < Count; local++)
        {
            int row = _sicRow[PositionOf(local)];
            if (row >= 0) _sicSent.AsSpan(row * _sicStride, _sicStride).CopyTo(values.AsSpan(local * _sicStride));
        }
        writer.Write(values);
    }

    protected override void RestoreModelState(CheckpointReader reader, RestoreContext context)
    {
        base.RestoreModelState(reader, context);
        int stride = reader.ReadInt();
        if (stride == 0) return;
        var values = reader.ReadDoubles();
        var restored = new bool[Count];
        for (int local = 0; local < Count; local++) restored[local] = Restores(local);
        // A part of a checkpoint of several processes restores its own nodes into what an earlier part restored.
        if (_restoredSic is { } earlier && earlier.Stride == stride)
        {
            for (int local = 0; local < Count; local++)
            {
                if (restored[local]) continue;
                restored[local] = earlier.Restored[local];
                if (restored[local]) earlier.Values.AsSpan(local * stride, stride).CopyTo(values.AsSpan(local * stride));
            }
        }
        _restoredSic = (values, restored, stride);
    }

    /// <summary>At the first Prepare after a restore: the slice's slow inward currents go back into the event buffer.</summary>
    private void PlaceRestoredSic()
    {
        if (_restoredSic is not { } restored) return;
        _restoredSic = null;
        if (restored.Stride != _sicStride) return;
        for (int local = 0; local < Count; local++)
        {
            int row = _sicRow[PositionOf(local)];
            if (row >= 0 && restored.Restored[local])
                restored.Values.AsSpan(local * _sicStride, _sicStride).CopyTo(_sicSent.AsSpan(row * _sicStride, _sicStride));
        }
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        Integrate(new Bookkeeping(this), context, thread, sliceStart, from, to);

    /// <summary>After the step: calcium bounded, spikes into IP3, the slow inward current of the step.</summary>
    private readonly struct Bookkeeping(AstrocyteLr1994 group) : IGridStepBookkeeping<Dynamics, Dynamics>
    {
        public readonly void Begin(int node, in Dynamics constants, ref Dynamics system) { }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void End(int node, in Dynamics constants, Span<double> y, in GridStep step)
        {
            y[YCa] = Dynamics.Clamp(y[YCa], constants.CaTot);
            if (step.Input(NegativeSpikes, node) < 0.0) ThrowNegativeWeight();
            y[YIp3] += constants.DeltaIp3 * step.Input(Spikes, node);
            // Nadkarni and Jung (2003): the logarithm of the suprathreshold calcium in nM.
            double aboveThreshold = (y[YCa] - constants.SicTh) * 1000.0;
            double sic = aboveThreshold > 1.0 ? Math.Log(aboveThreshold) * constants.SicScale : 0.0;
            group[Sic][node] = sic;
            // the value of this step of the slice, sent at its end (NEST's SICEvent with the slice's sic_values)
            int row = group._sicRow[node];
            if (row >= 0) group._sicSent[row * group._sicStride + step.Lag] = sic;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void ThrowNegativeWeight() =>
            throw new KernelException("astrocyte_lr_1994 takes spikes of non-negative weight only: a spike with a negative weight arrived.");
    }
}
