namespace NestSharp.Models.Devices;

/// <summary>
/// correlomatrix_detector: the raw auto- and cross-covariance matrix of N_channels pools of spike trains, for
/// non-negative lags. Connections on receptor_type c (0 &lt;= c &lt; N_channels; others: UnknownReceptorType) form pool
/// c. <c>count_covariance[i][j]</c> and <c>covariance[i][j]</c> have tau_max/delta_tau + 1 bins: bin n counts (with
/// the spikes' multiplicities), respectively sums the products of the weights (multiplicity · connection weight) of,
/// the pairs of a spike of pool i and a later or simultaneous one of pool j whose lag lies in
/// [n·delta_tau - delta_tau/2, n·delta_tau + delta_tau/2), left-closed and right-open for i &gt; j (lower triangle) and
/// left-open and right-closed on the diagonal and above; bin 0 is shared by [i][j] and [j][i]. The negative lags
/// follow from C(t) = C^T(-t). Stamps are compared (connection delays ignored); each spike also pairs with itself
/// (bin 0 of the diagonal).
/// <para>A spike is kept whenever the device is active (origin + start &lt; stamp &lt;= origin + stop); kept spikes
/// older than tau_max + delta_tau/2 + min_delay leave; a spike whose stamp lies in [Tstart, Tstop] is counted
/// (<c>n_events</c> per pool) against every kept spike. The bins are summed without compensation, as in NEST.</para>
/// <para>Parameters: <c>N_channels</c> (integer &gt;= 1: BadProperty; default 1), <c>delta_tau</c> (ms, an odd multiple
/// of the resolution: StepMultipleRequired, or BadProperty for an even one; default 5 steps), <c>tau_max</c> (ms, a
/// multiple of delta_tau: TimeMultipleRequired; default 10 delta_tau), <c>Tstart</c>, <c>Tstop</c> (ms, default 0 and
/// +infinity), and start, stop, origin. Setting N_channels or any of the four times clears the state (sized for the
/// new values); n_events cannot be set. NestSharp keeps a connection's receptor_type in a byte, so N_channels is at most
/// 256.</para>
/// <para>Reference: NEST model documentation, correlomatrix_detector.</para>
/// </summary>
[NodeModelName("correlomatrix_detector")]
internal sealed class CorrelomatrixDetector : SpikeCorrelationGroup<CorrelomatrixDetector.Node>
{
    /// <summary>The largest N_channels (receptor_types 0 .. 255, as a synapse block stores them).</summary>
    private const int MaxChannels = 256;

    private static readonly NeuronSchema Declared = new();
    private static readonly InputChannel Spikes = Declared.Input("spikes");

    static CorrelomatrixDetector()
    {
        for (int r = 0; r < MaxChannels; r++) Declared.CountingSpikeReceptor(r, Spikes);
        Declared.ShowsRecordables = false;
    }

    public CorrelomatrixDetector(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Spikes) { }

    /// <summary>The receptors of a detector are its channels, so they are checked per target node.</summary>
    public override bool ReceptorsVaryPerNode => true;

    public override void CheckSpikeReceptorAt(int position, int receptor)
    {
        long channels = Nodes[IdOf(position) - FirstId].Channels;
        if (receptor < 0 || receptor >= channels)
        {
            throw new UnknownReceptorTypeException(
                $"{Model.Name} (node {IdOf(position)}): it has no receptor_type {receptor}; its receptor_types are 0 to {channels - 1} (N_channels = {channels}).");
        }
    }

    internal sealed class Node : SpikeCorrelationNode
    {
        protected override string ModelName => "correlomatrix_detector";

        private static readonly DeviceKeys<Node> Declared = CorrelationKeys<Node>()
            .Custom("N_channels", n => n.Channels, (n, key, value) =>
            {
                long channels = StatusValue.ToLong(key, value);
                if (channels < 1) throw new BadPropertyException(key, channels, "N_channels can only be larger than zero");
                if (channels > MaxChannels) throw new BadPropertyException(key, channels, $"NestSharp's correlomatrix_detector has at most {MaxChannels} channels");
                n.Channels = channels;
                n.ResetRequested = true;
            })
            .ReadOnly("n_events", n => n._events.ToArray())
            .ReadOnly("covariance", n => Copy(n._covariance))
            .ReadOnly("count_covariance", n => Copy(n._counts));

        public long Channels = 1;

        // A new node's state as NEST's: one pool, a 1 x 1 matrix of empty histograms until the first run.
        private long[] _events = new long[1];
        private double[][][] _covariance = [[[]]];
        private long[][][] _counts = [[[]]];
        private KeptSpikes _kept = new();

        public override IDeviceKeys Keys => Declared;

        private static T[][][] Copy<T>(T[][][] matrix) => Array.ConvertAll(matrix, row => Array.ConvertAll(row, bins => (T[])bins.Clone()));

        protected override void ValidateModel()
        {
            if (Steps(DeltaTau) % 2 != 1)
                throw new BadPropertyException("delta_tau", ToMs(DeltaTau), "delta_tau must be an odd multiple of the resolution");
        }

        protected override void ResetAfterSet() => Reset();

        protected override void Reset()
        {
            int n = (int)Channels, bins = checked((int)(1 + BinsPerSide));
            _events = new long[n];
            _kept = new KeptSpikes();
            _covariance = new double[n][][];
            _counts = new long[n][][];
            for (int i = 0; i < n; i++)
            {
                _covariance[i] = new double[n][];
                _counts[i] = new long[n][];
                for (int j = 0; j < n; j++)
                {
                    _covariance[i][j] = new double[bins];
                    _counts[i][j] = new long[bins];
                }
            }
        }

        protected override bool SizedForParameters =>
            _events.Length == Channels && _covariance.Length == Channels && _covariance[0][0].Length == 1 + BinsPerSide;

        protected override void ResetRuntimeState()
        {
            base.ResetRuntimeState();
            _events = new long[1];
            _covariance = [[[]]];
            _counts = [[[]]];
            _kept = new KeptSpikes();
        }

        public override void Handle(long stamp, int receptor, int multiplicity, double weight)
        {
            // A receptor a later change of N_channels removed (NEST would write outside its matrix).
            if (!Active(stamp) || receptor >= _events.Length) return;
            double w = multiplicity * weight;
            _kept.Insert(new KeptSpike(stamp, w, receptor));
            double tauEdge = TauEdge;
            long deltaTau = Steps(DeltaTau);
            while (_kept.Count > 0 && stamp - _kept[0].Step >= tauEdge + MinDelaySteps) _kept.RemoveFirst();
            if (!InCountingWindow(stamp)) return;
            _events[receptor]++;
            for (int j = 0; j < _kept.Count; j++)
            {
                ref readonly var spike = ref _kept[j];
                int other = spike.Receptor;
                if (other >= _events.Length) continue;
                var (first, second) = stamp < spike.Step ? (other, receptor) : (receptor, other);
                long lag = Math.Abs(stamp - spike.Step);
                double bin = first <= second
                    ? -1.0 * Math.Floor((0.5 * deltaTau - lag) / deltaTau)
                    : Math.Floor((0.5 * deltaTau + lag) / deltaTau);
                var bins = _covariance[first][second];
                if (!(bin < bins.Length)) continue;
                int b = (int)bin;
                double product = w * spike.Weight;
                bool mirrored = b == 0 && (lag != 0 || other != receptor);
                bins[b] += product;
                if (mirrored) _covariance[second][first][b] += product;
                _counts[first][second][b] += multiplicity;
                if (mirrored) _counts[second][first][b] += multiplicity;
            }
        }

        protected override void SaveState(CheckpointWriter writer)
        {
            writer.Write(Channels);
            writer.Write(_events);
            writer.Write(_covariance.Length);
            for (int i = 0; i < _covariance.Length; i++)
            {
                writer.Write(_covariance[i].Length);
                for (int j = 0; j < _covariance[i].Length; j++)
                {
                    writer.Write(_covariance[i][j]);
                    writer.Write(_counts[i][j]);
                }
            }
            _kept.Save(writer);
        }

        protected override void RestoreState(CheckpointReader reader)
        {
            if (reader.ReadLong() != Channels) throw reader.Bad("a correlomatrix_detector's N_channels differs from its state's");
            _events = reader.ReadLongs();
            int rows = reader.ReadInt();
            _covariance = new double[rows][][];
            _counts = new long[rows][][];
            for (int i = 0; i < rows; i++)
            {
                int columns = reader.ReadInt();
                _covariance[i] = new double[columns][];
                _counts[i] = new long[columns][];
                for (int j = 0; j < columns; j++)
                {
                    _covariance[i][j] = reader.ReadDoubles();
                    _counts[i][j] = reader.ReadLongs();
                }
            }
            _kept = KeptSpikes.Read(reader);
        }
    }
}
