namespace NestSharp.Models.Synapses;

/// <summary>
/// stdp_dopamine_synapse (and stdp_dopamine_synapse_hpc): dopamine-modulated STDP (Izhikevich 2007, in the distributed
/// formulation of Potjans et al. 2010). Pre- and post-synaptic spike pairs build an eligibility trace c; the weight
/// follows c times the distance of the dopamine concentration n from its baseline b. The dopamine spikes reach the
/// synapse through the model's <c>volume_transmitter</c>.
/// <code>
/// dc/dt = -c/tau_c + A_plus·K+ at each post spike  - A_minus·K- at each pre spike
/// dn/dt = -n/tau_n + (1/tau_n)·Σ m_k δ(t - t_k)          (t_k, m_k: the volume transmitter's spikes)
/// dw/dt = c·(n - b),   clipped to [Wmin, Wmax]
/// </code>
/// Between two events (pre or post spike, dopamine spike, trigger of the volume transmitter) the synapse integrates
/// w exactly: from t0 to t1 with c(t0) = c0 and n(t0) = n0, w ← w - c0·(n0/s·expm1(-s·(t1 - t0)) - b·tau_c·expm1(-(t1 - t0)/tau_c))
/// with s = 1/tau_c + 1/tau_n, clipped after each piece. K+ (tau_plus) is the synapse's pre-synaptic trace and K-
/// (the target's tau_minus) the post-synaptic trace kept in the target's spike history. At each trigger of the volume
/// transmitter every synapse is brought up to the trigger time, so the list of dopamine spikes stays short.
/// <para>Common parameters (SetDefaults or CopyModel only): volume_transmitter (a NodeCollection of one
/// volume_transmitter; required before Connect), A_plus (1), A_minus (1.5), tau_plus (ms, 20), tau_c (ms, 1000), tau_n
/// (ms, 200), b (0), Wmin (0), Wmax (200). Per connection: weight (1), delay, Kplus (0, not negative), c (0), n (0);
/// with more than one thread Connect takes neither c nor n (NEST's NotImplemented).</para>
/// <para>References: Potjans W, Morrison A, Diesmann M (2010) Enabling functional neural circuit simulations with
/// distributed computing of neuromodulated plasticity. Front Comput Neurosci 4:141. Izhikevich EM (2007) Solving the
/// distal reward problem through linkage of STDP and dopamine signaling. Cereb Cortex 17:2443-2452.</para>
/// </summary>
[SynapseModelName("stdp_dopamine_synapse", Labelled = true)]
[SynapseModelName("stdp_dopamine_synapse_hpc")]
internal sealed class StdpDopamineSynapse(string name) : HistoryReadingSynapseType(name)
{
    private static readonly SynapseSchema Declared = new();

    // NEST checks none of the common parameters.
    private static readonly CommonParameter APlus = Declared.CommonParameter("A_plus", 1.0);
    private static readonly CommonParameter AMinus = Declared.CommonParameter("A_minus", 1.5);
    private static readonly CommonParameter TauPlus = Declared.CommonParameter("tau_plus", 20.0);
    private static readonly CommonParameter TauC = Declared.CommonParameter("tau_c", 1000.0);
    private static readonly CommonParameter TauN = Declared.CommonParameter("tau_n", 200.0);
    private static readonly CommonParameter B = Declared.CommonParameter("b", 0.0);
    private static readonly CommonParameter Wmin = Declared.CommonParameter("Wmin", 0.0);
    private static readonly CommonParameter Wmax = Declared.CommonParameter("Wmax", 200.0);

    private static readonly SynapseColumn Kplus = Declared.Parameter("Kplus", 0.0, Requirement.NonNegative("Kplus must not be negative"));
    private static readonly SynapseColumn C = Declared.Parameter("c", 0.0);
    private static readonly SynapseColumn N = Declared.Parameter("n", 0.0);

    // The position in the volume transmitter's list of the last dopamine spike the synapse has taken in.
    private static readonly SynapseColumn DopaSpikesIdx = Declared.State("dopa_spikes_idx");
    private static readonly SynapseColumn LastUpdate = Declared.State("t_last_update");
    private static readonly SynapseColumn LastSpike = Declared.State("t_lastspike");

    static StdpDopamineSynapse() => Declared.WithoutSize();

    protected override SynapseSchema DeclaredSchema => Declared;

    public override bool SupportsCheckpoint => true;

    protected override StoredColumn LastSpikeColumn => LastSpike;

    public override bool ReadsVolumeTransmitter => true;

    public override void CheckTarget(NeuronGroup target)
    {
        if (target.ElementType != ElementType.Neuron)
            throw new IllegalConnectionException($"'{Name}' reads its target's spike history; {target.Model.Name} keeps none.");
        RequireArchivingTarget(target);
    }

    public override void CheckConnect(SynapseModel model, IEnumerable<string> synSpecKeys, int threads)
    {
        if (threads > 1)
        {
            foreach (string key in synSpecKeys)
            {
                if (key is "c" or "n")
                {
                    throw new NestNotImplementedException(
                        $"With more than one thread Connect does not set '{key}' of '{model.Name}': set it with SetDefaults or CopyModel.");
                }
            }
        }
        if (model.VolumeTransmitterSpikes is null)
        {
            throw new BadPropertyException("volume_transmitter", "NodeCollection(<empty>)",
                $"No volume transmitter has been assigned to the dopamine synapse model '{model.Name}' (set one with SetDefaults or CopyModel)");
        }
    }

    public override void Deliver(SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model)
    {
        var dopamine = model.VolumeTransmitterSpikes!;
        var rule = new Rule(block, context, model.CommonValues, dopamine.Times, dopamine.Multiplicities, dopamine.Count);
        Deliver(rule, block, spikes, context, model);
    }

    /// <summary>After a trigger of the volume transmitter: every synapse of the block up to the trigger time.</summary>
    public override void BeginDelivery(SynapseBlock block, in DeliveryContext context, SynapseModel model)
    {
        if (model.VolumeTransmitterSpikes is not { Triggered: true } dopamine) return;
        var rule = new Rule(block, context, model.CommonValues, dopamine.TriggerTimes, dopamine.TriggerMultiplicities, dopamine.TriggerCount);
        int[] channels = block.Channels, nodeOfChannel = context.NodeOfChannel;
        double[] weights = block.Weights;
        for (int i = 0; i < block.Count; i++)
            weights[i] = rule.Trigger(i, weights[i], nodeOfChannel[channels[i] & int.MaxValue], dopamine.TriggerTime, block.DelayAt(i));
    }

    /// <summary>The rule over the columns of one block, reading one dopamine spike list.</summary>
    private readonly struct Rule : IPlasticityRule
    {
        private readonly double[] _kplus, _c, _n, _index, _lastUpdate, _lastSpike;
        private readonly double[] _dopaTimes, _dopaMultiplicities;
        private readonly int _dopaCount;
        private readonly double _aPlus, _aMinus, _tauPlus, _tauC, _tauN, _b, _wmin, _wmax, _taus;
        private readonly SpikeArchive _archive;
        private readonly TimeGrid _time;

        public Rule(SynapseBlock block, in DeliveryContext context, double[] common, double[] dopaTimes, double[] dopaMultiplicities, int dopaCount)
        {
            _kplus = block.State[Kplus.Index];
            _c = block.State[C.Index];
            _n = block.State[N.Index];
            _index = block.State[DopaSpikesIdx.Index];
            _lastUpdate = block.State[LastUpdate.Index];
            _lastSpike = block.State[LastSpike.Index];
            (_dopaTimes, _dopaMultiplicities, _dopaCount) = (dopaTimes, dopaMultiplicities, dopaCount);
            _aPlus = common[APlus.Index];
            _aMinus = common[AMinus.Index];
            _tauPlus = common[TauPlus.Index];
            _tauC = common[TauC.Index];
            _tauN = common[TauN.Index];
            _b = common[B.Index];
            _wmin = common[Wmin.Index];
            _wmax = common[Wmax.Index];
            _taus = (_tauC + _tauN) / (_tauC * _tauN);
            _archive = context.Archive;
            _time = context.Time;
        }

        /// <summary>A pre-synaptic spike at <paramref name="tSpike"/>: returns the weight it is transmitted with.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Transmit(int synapse, double weight, int target, double tSpike, int delaySteps)
        {
            var history = _archive.Of(target)!;
            double dendriticDelay = _time.DelayStepsToMs(delaySteps);
            double tLast = _lastUpdate[synapse];
            double w = ThroughPostSpikes(synapse, weight, history, dendriticDelay, tLast, tSpike, atEndToo: false);
            _c[synapse] -= _aMinus * history.KValue(tSpike - dendriticDelay);

            _kplus[synapse] = _kplus[synapse] * Math.Exp((tLast - tSpike) / _tauPlus) + 1.0;
            _lastUpdate[synapse] = tSpike;
            _lastSpike[synapse] = tSpike;
            return w;
        }

        /// <summary>A trigger of the volume transmitter at <paramref name="tTrigger"/>: returns the new weight.</summary>
        public double Trigger(int synapse, double weight, int target, double tTrigger, int delaySteps)
        {
            double tLast = _lastUpdate[synapse];
            double w = ThroughPostSpikes(synapse, weight, _archive.Of(target)!, _time.DelayStepsToMs(delaySteps), tLast, tTrigger, atEndToo: true);
            int k = (int)_index[synapse];
            _n[synapse] *= Math.Exp((_dopaTimes[k] - tTrigger) / _tauN);
            _kplus[synapse] *= Math.Exp((tLast - tTrigger) / _tauPlus);
            _lastUpdate[synapse] = tTrigger;
            _index[synapse] = 0;
            return w;
        }

        /// <summary>
        /// Integrates the weight <paramref name="w"/> from the last update <paramref name="tLast"/> to <paramref name="t"/>
        /// through the post-synaptic spikes in between: each one (seen after the dendritic delay) adds A_plus·K+ to c,
        /// except one at <paramref name="t"/> itself unless <paramref name="atEndToo"/> (a pre-synaptic spike does not
        /// pair with a post spike at its own time; a trigger of the volume transmitter takes it). Returns the weight at t.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private double ThroughPostSpikes(int synapse, double w, NeuronHistory history, double dendriticDelay, double tLast, double t, bool atEndToo)
        {
            var (from, to) = history.Read(tLast - dendriticDelay, t - dendriticDelay);
            double t0 = tLast;
            for (int h = from; h < to; h++)
            {
                double tPost = history.At(h).T;
                TakeInDopamine(synapse, ref w, t0, tPost + dendriticDelay);
                t0 = tPost + dendriticDelay;
                if (atEndToo || t - tPost > SpikeArchive.Eps) _c[synapse] += _aPlus * (_kplus[synapse] * Math.Exp((tLast - t0) / _tauPlus));
            }
            TakeInDopamine(synapse, ref w, t0, t);
            return w;
        }

        /// <summary>
        /// Integrates the weight from <paramref name="t0"/> to <paramref name="t1"/> through the dopamine spikes in
        /// between (each one steps n by its multiplicity / tau_n), then lets c decay to t1.
        /// </summary>
        private void TakeInDopamine(int synapse, ref double w, double t0, double t1)
        {
            int k = (int)_index[synapse];
            double c = _c[synapse];
            if (HasDopamineUpTo(k, t1))
            {
                Integrate(ref w, c, _n[synapse] * Math.Exp((_dopaTimes[k] - t0) / _tauN), t0 - _dopaTimes[k + 1]);
                NextDopamineSpike(synapse, ref k);
                while (HasDopamineUpTo(k, t1))
                {
                    Integrate(ref w, c * Math.Exp((t0 - _dopaTimes[k]) / _tauC), _n[synapse], _dopaTimes[k] - _dopaTimes[k + 1]);
                    NextDopamineSpike(synapse, ref k);
                }
                Integrate(ref w, c * Math.Exp((t0 - _dopaTimes[k]) / _tauC), _n[synapse], _dopaTimes[k] - t1);
            }
            else
            {
                Integrate(ref w, c, _n[synapse] * Math.Exp((_dopaTimes[k] - t0) / _tauN), t0 - t1);
            }
            _c[synapse] = c * Math.Exp((t0 - t1) / _tauC);
        }

        private bool HasDopamineUpTo(int k, double t) => _dopaCount > k + 1 && t - _dopaTimes[k + 1] > -SpikeArchive.Eps;

        /// <summary>n from the dopamine spike at k to the next, which it takes in; k moves on.</summary>
        private void NextDopamineSpike(int synapse, ref int k)
        {
            double minusDt = _dopaTimes[k] - _dopaTimes[k + 1];
            k++;
            _index[synapse] = k;
            _n[synapse] = _n[synapse] * Math.Exp(minusDt / _tauN) + _dopaMultiplicities[k] / _tauN;
        }

        /// <summary>The weight over an interval of length -<paramref name="minusDt"/> starting with c0 and n0, clipped to [Wmin, Wmax].</summary>
        private void Integrate(ref double w, double c0, double n0, double minusDt)
        {
            w -= c0 * (n0 / _taus * NumericsHelper.ExpM1(_taus * minusDt) - _b * _tauC * NumericsHelper.ExpM1(minusDt / _tauC));
            if (w < _wmin) w = _wmin;
            if (w > _wmax) w = _wmax;
        }
    }
}
