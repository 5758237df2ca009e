namespace NestSharp.Models.Synapses;

/// <summary>
/// urbanczik_synapse: dendritic prediction learning (Urbanczik and Senn 2014). The weight follows the product of the
/// pre-synaptic spike train, filtered by the dendrite's PSP kernel, and the error between the somatic spikes and the
/// dendritic prediction of the somatic rate, low-pass filtered with tau_Delta; the error is the target's
/// <see cref="UrbanczikHistory"/> (only pp_cond_exp_mc_urbanczik keeps one). With the dendrite's tau_L = C_m/g_L and
/// tau_s its tau_syn_ex (tau_syn_in for a negative weight), a pre-synaptic spike at t_pre through a connection with
/// delay d (previous spike at t_last, -1 ms before the first) does, in this order:
/// <code>
/// for every history entry (t, dPI) with t_last - d &lt; t &lt;= t_pre - d, with s = t_last - (t + d):
///     PI = (x_L·exp(s/tau_L) - x_s·exp(s/tau_s))·dPI
///     I ← I + PI,   dI ← dI + exp((t + d - t_pre)/tau_Delta)·PI
/// I_Delta ← exp((t_last - t_pre)/tau_Delta)·I_Delta + dI
/// w ← w_init + (I - I_Delta) · 15·C_m·tau_s·eta / (g_L·(tau_L - tau_s)),   clipped to [Wmin, Wmax]
/// transmit w
/// x_L ← x_L·exp((t_last - t_pre)/tau_L) + 1,   x_s ← x_s·exp((t_last - t_pre)/tau_s) + 1,   t_last ← t_pre
/// </code>
/// with I, I_Delta, x_L, x_s starting at 0 and w_init, as NEST's init_weight, the connection's weight whenever its
/// status is set (when it is made with a syn_spec that gives more than weight and delay, else the model's default
/// weight; and after every Set, its weight then). The weight_recorder of the model (set with CopyModel or
/// SetDefaults) records w after each spike.
/// <para>Parameters (per connection): weight, delay (ms), eta (learning rate, default 0.07), tau_Delta (ms, 100),
/// Wmin (0), Wmax (100). When a connection's status is set, weight must have the sign of Wmax (weight &gt;= 0 needs
/// Wmax &gt; 0), as NEST checks; eta and tau_Delta are not checked (as in NEST).</para>
/// <para>References: Urbanczik R, Senn W (2014) Learning by the dendritic prediction of somatic spiking. Neuron
/// 81:521-528. NEST model documentation, urbanczik_synapse (NEST 3.10).</para>
/// </summary>
[SynapseModelName("urbanczik_synapse", Labelled = true)]
internal sealed class UrbanczikSynapse(string name)
    : VoltageHistorySynapseType<UrbanczikHistory>(name, "dendritic prediction error (kept by pp_cond_exp_mc_urbanczik)")
{
    /// <summary>NEST's t_lastspike before the first spike (ms).</summary>
    private const double NoSpikeYet = -1.0;

    private static readonly SynapseSchema Declared = new();

    private static readonly SynapseColumn LastSpike = Declared.State("t_lastspike", NoSpikeYet);

    /// <summary>w_init (NEST's init_weight): the weight when the connection's status was last set.</summary>
    private static readonly SynapseColumn InitWeight = Declared.State("init_weight");
    private static readonly SynapseColumn TauDelta = Declared.Parameter("tau_Delta", 100.0);
    private static readonly SynapseColumn Eta = Declared.Parameter("eta", 0.07);
    private static readonly SynapseColumn Wmin = Declared.Parameter("Wmin", 0.0);
    private static readonly SynapseColumn Wmax = Declared.Parameter("Wmax", 100.0);
    private static readonly SynapseColumn PiIntegral = Declared.State("PI_integral");
    private static readonly SynapseColumn PiExpIntegral = Declared.State("PI_exp_integral");
    private static readonly SynapseColumn TauLTrace = Declared.State("tau_L_trace");
    private static readonly SynapseColumn TauSTrace = Declared.State("tau_s_trace");

    protected override SynapseSchema DeclaredSchema => Declared;

    protected override StoredColumn LastSpikeColumn => LastSpike;

    private static readonly int WmaxIndex = Declared.IndexOfPerConnection("Wmax");

    /// <summary>
    /// NEST's checks: weight and Wmax with the same sign bit (so -0.0 counts as negative); then a weight &gt;= 0 needs
    /// Wmax &gt; 0.
    /// </summary>
    public override void CheckStatus(double weight, ReadOnlySpan<double> perConnection)
    {
        double wmax = perConnection[WmaxIndex];
        if (double.IsNegative(weight) != double.IsNegative(wmax) || (weight >= 0) != (wmax > 0))
        {
            throw new BadPropertyException("Wmax", wmax,
                $"weight ({StatusValue.Format(weight)}) and Wmax must have the same sign: a weight >= 0 needs Wmax > 0, a negative weight Wmax <= -0.0 (NEST compares sign bits)");
        }
    }

    /// <summary>
    /// w_init of a new connection: its weight when NEST sets its status (a syn_spec with more than weight and delay),
    /// otherwise the model's default weight (NEST copies the default connection, whose w_init is its weight).
    /// </summary>
    public override void OnCreated(SynapseBlock block, int index, bool statusSet, SynapseModel model) =>
        block.State[InitWeight.Index][index] = statusSet ? block.Weights[index] : model.Weight;

    /// <summary>Setting any status value makes the connection's current weight its w_init (as NEST's set_status does).</summary>
    public override void OnStatusSet(SynapseBlock block, int index) => block.State[InitWeight.Index][index] = block.Weights[index];

    public override void Deliver(SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model) =>
        DeliverReadingHistory(new Rule(block), block, spikes, context, model);

    /// <summary>The rule over the columns of one block: the integrals over the entries since the last spike, then the traces.</summary>
    private readonly struct Rule(SynapseBlock block) : IVoltageHistoryRule<UrbanczikHistory>
    {
        private readonly double[] _lastSpike = block.State[LastSpike.Index], _initial = block.State[InitWeight.Index],
            _tauDelta = block.State[TauDelta.Index], _eta = block.State[Eta.Index], _wmin = block.State[Wmin.Index],
            _wmax = block.State[Wmax.Index], _piIntegral = block.State[PiIntegral.Index],
            _piExpIntegral = block.State[PiExpIntegral.Index], _tauLTrace = block.State[TauLTrace.Index],
            _tauSTrace = block.State[TauSTrace.Index];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Transmit(int synapse, double weight, UrbanczikHistory history, double dendriticDelay, double tSpike)
        {
            double tLast = _lastSpike[synapse], traceL = _tauLTrace[synapse], traceS = _tauSTrace[synapse], filter = _tauDelta[synapse];
            double gL = history.DendriteGL, tauL = history.DendriteTauL, cm = history.DendriteCm;
            double tauS = weight > 0.0 ? history.DendriteTauSynEx : history.DendriteTauSynIn;

            double integral = _piIntegral[synapse], increment = 0.0;
            var (from, to) = history.Read(tLast - dendriticDelay, tSpike - dendriticDelay);
            for (int e = from; e < to; e++)
            {
                ref readonly var entry = ref history.At(e);
                double tUp = entry.T + dendriticDelay;
                double sinceLast = tLast - tUp;
                double untilSpike = tUp - tSpike;
                double pi = (traceL * Math.Exp(sinceLast / tauL) - traceS * Math.Exp(sinceLast / tauS)) * entry.Dw;
                integral += pi;
                increment += Math.Exp(untilSpike / filter) * pi;
            }
            double expIntegral = Math.Exp((tLast - tSpike) / filter) * _piExpIntegral[synapse] + increment;
            double w = integral - expIntegral;
            w = _initial[synapse] + w * 15.0 * cm * tauS * _eta[synapse] / (gL * (tauL - tauS));
            if (w > _wmax[synapse]) w = _wmax[synapse];
            else if (w < _wmin[synapse]) w = _wmin[synapse];
            _piIntegral[synapse] = integral;
            _piExpIntegral[synapse] = expIntegral;

            _tauLTrace[synapse] = traceL * Math.Exp((tLast - tSpike) / tauL) + 1.0;
            _tauSTrace[synapse] = traceS * Math.Exp((tLast - tSpike) / tauS) + 1.0;
            _lastSpike[synapse] = tSpike;
            return w;
        }
    }
}
