namespace NestSharp.Models.Devices;

/// <summary>
/// correlation_detector: the raw cross-correlation of two pools of spike trains. Connections on receptor_type 0 form
/// pool 1, those on receptor_type 1 pool 2 (other receptors: UnknownReceptorType). For spikes t_1,i of pool 1 and
/// t_2,j of pool 2 (their stamps: connection delays are ignored), bin n of the histograms (n = 0 .. 2·tau_max/delta_tau)
/// holds the pairs with
/// <code>n·delta_tau - tau_max - delta_tau/2 &lt;= t_2,j - t_1,i &lt; n·delta_tau - tau_max + delta_tau/2</code>
/// (bins centred on their lag, left-closed and right-open): <c>count_histogram</c> counts them (with the spikes'
/// multiplicities), <c>histogram</c> sums the products of the two spikes' weights (multiplicity · connection weight),
/// with Kahan's compensated summation, whose corrections are <c>histogram_correction</c>.
/// <para>A spike is counted against the spikes of the other pool received before it that lie within tau_max +
/// delta_tau/2, if its stamp lies in [Tstart, Tstop] (so that pairs of spikes at the same time count once); it is kept for
/// later ones whenever the device is active (origin + start &lt; stamp &lt;= origin + stop). <c>n_events</c> counts the
/// spikes of each pool that were counted.</para>
/// <para>Parameters: <c>delta_tau</c> (ms, a positive multiple of the resolution: StepMultipleRequired; default 5
/// steps), <c>tau_max</c> (ms, a multiple of delta_tau: TimeMultipleRequired; default 10 delta_tau), <c>Tstart</c>,
/// <c>Tstop</c> (ms, default 0 and +infinity), and start, stop, origin. Setting any of the four times, or n_events to
/// [0, 0] (the only value it takes: BadProperty otherwise), clears the histograms and the kept spikes; as in NEST, a
/// Set sizes them with the parameters it found (they take the new ones at the next run).</para>
/// <para>Reference: NEST model documentation, correlation_detector; W. Kahan (1965), Further remarks on reducing
/// truncation errors, Commun. ACM 8(1):40.</para>
/// </summary>
[NodeModelName("correlation_detector")]
internal sealed class CorrelationDetector : SpikeCorrelationGroup<CorrelationDetector.Node>
{
    private static readonly NeuronSchema Declared = new();
    private static readonly InputChannel Spikes = Declared.Input("spikes");

    static CorrelationDetector()
    {
        Declared.CountingSpikeReceptor(0, Spikes);
        Declared.CountingSpikeReceptor(1, Spikes);
        Declared.ShowsRecordables = false;
    }

    public CorrelationDetector(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Spikes) { }

    internal sealed class Node : SpikeCorrelationNode
    {
        protected override string ModelName => "correlation_detector";

        private static readonly DeviceKeys<Node> Declared = CorrelationKeys<Node>()
            .Custom("n_events", n => n._events.ToArray(), (n, key, value) =>
            {
                long[] events = StatusValue.ToLongArray(key, value);
                if (events is not [0, 0])
                    throw new BadPropertyException(key, events, "n_events can only be set to [0, 0], which clears the histograms");
                n.ResetRequested = true;
            }, isArray: true)
            .ReadOnly("histogram", n => n._histogram.ToArray())
            .ReadOnly("histogram_correction", n => n._correction.ToArray())
            .ReadOnly("count_histogram", n => n._counts.ToArray());

        private long[] _events = new long[2];
        private double[] _histogram = [], _correction = [];
        private long[] _counts = [];
        private KeptSpikes[] _kept = [new(), new()];

        /// <summary>The parameters before a staged Set (NEST clears the state with those).</summary>
        private long _deltaTauBefore, _tauMaxBefore;

        public override IDeviceKeys Keys => Declared;

        protected override void AfterClone() => (_deltaTauBefore, _tauMaxBefore) = (DeltaTau, TauMax);

        protected override void ResetAfterSet() => ResetWith(_deltaTauBefore, _tauMaxBefore);

        protected override void Reset() => ResetWith(DeltaTau, TauMax);

        private void ResetWith(long deltaTau, long tauMax)
        {
            int bins = checked((int)(1 + 2 * (Steps(tauMax) / Steps(deltaTau))));
            _events = new long[2];
            _kept = [new(), new()];
            _histogram = new double[bins];
            _correction = new double[bins];
            _counts = new long[bins];
        }

        protected override bool SizedForParameters => _histogram.Length == 1 + 2 * BinsPerSide;

        protected override void ResetRuntimeState()
        {
            base.ResetRuntimeState();
            _events = new long[2];
            _kept = [new(), new()];
            _histogram = [];
            _correction = [];
            _counts = [];
        }

        public override void Handle(long stamp, int receptor, int multiplicity, double weight)
        {
            if (!Active(stamp)) return;
            int other = 1 - receptor;
            var otherSpikes = _kept[other];
            double tauEdge = TauEdge;
            long deltaTau = Steps(DeltaTau);
            // Spikes of the other pool too old for the window leave (left-closed, right-open: 0.5 for pool 2's).
            while (otherSpikes.Count > 0 && (stamp - otherSpikes[0].Step) - 0.5 * other >= tauEdge) otherSpikes.RemoveFirst();
            if (InCountingWindow(stamp))
            {
                _events[receptor]++;
                long sign = 2 * receptor - 1;
                double w = multiplicity * weight;
                for (int j = 0; j < otherSpikes.Count; j++)
                {
                    ref readonly var spike = ref otherSpikes[j];
                    double bin = Math.Floor((tauEdge + sign * (stamp - spike.Step)) / deltaTau);
                    if (!(bin >= 0 && bin < _histogram.Length)) continue;
                    int b = (int)bin;
                    // Kahan summation of the weighted histogram.
                    double y = w * spike.Weight - _correction[b];
                    double t = _histogram[b] + y;
                    _correction[b] = (t - _histogram[b]) - y;
                    _histogram[b] = t;
                    _counts[b] += multiplicity;
                }
            }
            _kept[receptor].Insert(new KeptSpike(stamp, multiplicity * weight, receptor));
        }

        protected override void SaveState(CheckpointWriter writer)
        {
            writer.Write(_events);
            writer.Write(_histogram);
            writer.Write(_correction);
            writer.Write(_counts);
            _kept[0].Save(writer);
            _kept[1].Save(writer);
        }

        protected override void RestoreState(CheckpointReader reader)
        {
            _events = reader.ReadLongs();
            _histogram = reader.ReadDoubles();
            _correction = reader.ReadDoubles();
            _counts = reader.ReadLongs();
            _kept = [KeptSpikes.Read(reader), KeptSpikes.Read(reader)];
        }
    }
}
