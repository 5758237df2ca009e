namespace NestSharp.Models.Devices;

/// <summary>
/// correlospinmatrix_detector: the raw auto- and cross-correlations of the binary states of N_channels pools of binary
/// neurons, from their events (NEST's encoding: two spikes in a step, or an event of multiplicity 2, a change to 1; one
/// spike a change to 0). The senders connected on receptor_type r (0 .. N_channels - 1) form pool r. Each time a pool's
/// "on" pulse ends, the overlap in steps of that pulse with every pulse still in its memory (those that can fall into
/// the window, its own included) is added to <c>count_covariance</c>[i][j][bin] for time lags from -tau_max to tau_max
/// in bins of delta_tau (2·tau_max/delta_tau + 1 bins, centred on the lag they represent). A change to 0 is known only
/// when the next event comes (NEST's tentative down transition), so the last one needs one more event. Weights and
/// delays are ignored; events count when their stamp lies in the device's window (origin + start, origin + stop].
/// <para>Decoding and counting are NEST's correlospinmatrix_detector::handle, event by event in canonical order (step,
/// then sender). A binary neuron's event of multiplicity 2 arrives as two single spikes, as through NEST's spike
/// exchange (the detector has proxies there); a spike_generator's events as it sends them.</para>
/// <para>Parameters: delta_tau (ms, bin width, a multiple of the resolution; default the resolution, which it follows
/// while not set), tau_max (ms, one-sided width, a multiple of delta_tau, default 1.0 = 10 default bins), Tstart, Tstop
/// (ms, kept: NEST's detector does not use them), N_channels (number of pools, ≥ 1, default 1); start, stop, origin
/// (no label, as NEST's). Setting N_channels, delta_tau, tau_max, Tstart or Tstop clears count_covariance. Read-only:
/// count_covariance (N_channels × N_channels × bins, integers).</para>
/// <para>Reference: Ginzburg I, Sompolinsky H (1994) Theory of correlations in stochastic neural networks. PRE
/// 50(4):3171. NEST model documentation, correlospinmatrix_detector.</para>
/// </summary>
[NodeModelName("correlospinmatrix_detector")]
internal sealed class CorrelospinmatrixDetector(NodeModel model, int firstId, int count)
    : RecorderGroup<CorrelospinmatrixDetector.Node>(model, firstId, count, () => new Node())
{
    /// <summary>As NEST: it takes the events of binary neurons (and of spike generators and parrots, which send both kinds).</summary>
    public override SignalType ReceivesSignal => SignalType.Binary;

    public override bool SupportsCheckpoint => true;

    /// <summary>Its own keys only: it records to no backend (NEST's PseudoRecordingDevice).</summary>
    public override IReadOnlyCollection<string> SettableKeys => Nodes.Length > 0 ? Nodes[0].Keys.Settable : [];

    public override void WriteStatus(int local, Dictionary<string, object> status)
    {
        var node = Nodes[local];
        node.Resolution = Site?.Resolution ?? 0.1;
        node.Keys.Write(node, status);
    }

    public override void Prepare(SimulationContext context)
    {
        foreach (var node in Nodes) node.Prepare(context);
    }

    /// <summary>An "on" pulse of a pool: its first and last step.</summary>
    private readonly record struct Pulse(long On, long Off, int Channel);

    internal sealed class Node : RecorderNode, IBinaryEventSink
    {
        private static readonly DeviceKeys<Node> Declared = ActivityKeys<Node>()
            .Custom("delta_tau", n => n.DeltaTauMs, (n, key, value) =>
            {
                double t = StatusValue.ToDouble(key, value);
                n.DeltaTau = t;
                n.ResetPending = true;
                if (t < 0) throw new BadPropertyException(key, t, "/delta_tau must not be negative.");
            })
            .Custom("tau_max", n => n.TauMax, (n, key, value) => n.TauMax = NonNegative(n, key, value))
            .Custom("Tstart", n => n.TStart, (n, key, value) => n.TStart = NonNegative(n, key, value))
            .Custom("Tstop", n => n.TStop, (n, key, value) => n.TStop = NonNegative(n, key, value))
            .Custom("N_channels", n => (long)n.Channels, (n, key, value) =>
            {
                long channels = StatusValue.ToLong(key, value);
                if (channels < 1) throw new BadPropertyException(key, channels, "/N_channels can only be larger than zero.");
                n.Channels = checked((int)channels);
                n.ResetPending = true;
            })
            .ReadOnly("count_covariance", n => n.CountCovarianceCopy());

        /// <summary>delta_tau as set (ms), or NaN: the resolution (NEST's default, which follows it).</summary>
        public double DeltaTau = double.NaN;
        public double TauMax = 1.0, TStart, TStop = double.MaxValue;
        public int Channels = 1;
        public bool ResetPending;

        /// <summary>The resolution the status shows delta_tau's default with.</summary>
        public double Resolution = 0.1;

        private long _deltaTauSteps = 1, _tauMaxSteps = 10, _minDelaySteps = 1;
        private bool _initialized;
        private List<Pulse> _incoming = [];
        private int _lastChannel;
        private long _tLastIn = long.MinValue;
        private bool _tentativeDown;
        private bool[] _state = [];
        private long[] _lastChange = [];
        private long[][][] _covariance = [[[]]];

        public override IDeviceKeys Keys => Declared;

        public override IReadOnlyList<string> DoubleValueNames => [];

        private double DeltaTauMs => double.IsNaN(DeltaTau) ? Resolution : DeltaTau;

        private static double NonNegative(Node n, string key, object value)
        {
            double t = StatusValue.ToDouble(key, value);
            n.ResetPending = true;
            if (t < 0) throw new BadPropertyException(key, t, $"/{key} must not be negative.");
            return t;
        }

        private long[][][] CountCovarianceCopy()
        {
            var copy = new long[_covariance.Length][][];
            for (int i = 0; i < copy.Length; i++)
            {
                copy[i] = new long[_covariance[i].Length][];
                for (int j = 0; j < copy[i].Length; j++) copy[i][j] = (long[])_covariance[i][j].Clone();
            }
            return copy;
        }

        /// <summary>NEST's checks of the times together (delta_tau on the grid, tau_max a multiple of it), then the reset a change asks for.</summary>
        public override void Validate(StatusContext context)
        {
            base.Validate(context);
            var time = context.Time;
            double deltaTau = double.IsNaN(DeltaTau) ? time.Resolution : DeltaTau;
            long deltaTics = time.MsToTics(deltaTau);
            if (deltaTics % time.TicsPerStep != 0) throw new StepMultipleRequiredException("delta_tau", deltaTau, time.Resolution);
            long tauMaxTics = time.MsToTics(TauMax);
            if (deltaTics == 0 ? tauMaxTics != 0 : tauMaxTics % deltaTics != 0)
                throw new TimeMultipleRequiredException("correlospinmatrix_detector", "tau_max", TauMax, "delta_tau", deltaTau);
            if (!ResetPending) return;
            ResetPending = false;
            Reset(time);
        }

        /// <summary>At a run: the steps of the times; the first run starts from a cleared state (NEST's init_buffers_).</summary>
        public void Prepare(SimulationContext context)
        {
            var time = context.Time;
            // delta_tau follows the resolution unless it was set to a time still on the grid (NEST's calibrate_time).
            if (!double.IsNaN(DeltaTau) && time.MsToTics(DeltaTau) % time.TicsPerStep != 0) DeltaTau = double.NaN;
            _minDelaySteps = context.MinDelaySteps;
            if (!_initialized) Reset(time);
            _deltaTauSteps = time.MsToTics(double.IsNaN(DeltaTau) ? time.Resolution : DeltaTau) / time.TicsPerStep;
            _tauMaxSteps = time.MsToTics(TauMax) / time.TicsPerStep;
        }

        /// <summary>NEST's State_::reset: no pulses, every pool off, count_covariance zero with 1 + 2·tau_max/delta_tau bins.</summary>
        private void Reset(TimeGrid time)
        {
            _initialized = true;
            _deltaTauSteps = time.MsToTics(double.IsNaN(DeltaTau) ? time.Resolution : DeltaTau) / time.TicsPerStep;
            _tauMaxSteps = time.MsToTics(TauMax) / time.TicsPerStep;
            _lastChannel = 0;
            _tentativeDown = false;
            _tLastIn = long.MinValue;
            _incoming = [];
            _state = new bool[Channels];
            _lastChange = new long[Channels];
            int bins = (int)(1 + 2.0 * _tauMaxSteps / _deltaTauSteps);
            _covariance = new long[Channels][][];
            for (int i = 0; i < Channels; i++)
            {
                _covariance[i] = new long[Channels][];
                for (int j = 0; j < Channels; j++) _covariance[i][j] = new long[bins];
            }
        }

        public void CheckReceptor(int receptor, string model)
        {
            if (receptor > Channels - 1)
                throw new UnknownReceptorTypeException($"Receptor type {receptor} is not available in {model}: it has receptor_types 0 to {Channels - 1} (N_channels {Channels}).");
        }

        public void RecordSpike(TimeGrid time, int sender, int vp, long stamp, int multiplicity, double offset) =>
            ReceiveEvent(time, sender, vp, stamp, multiplicity, offset, 0, false);

        public void ReceiveEvent(TimeGrid time, int sender, int vp, long stamp, int multiplicity, double offset, int receptor, bool fromNodeWithProxies)
        {
            if (!IsActive(time, stamp)) return;
            if (fromNodeWithProxies && multiplicity > 1)
            {
                // NEST's spike exchange unrolls the event of a node with proxies into single spikes.
                for (int k = 0; k < multiplicity; k++) Handle(receptor, stamp, 1);
                return;
            }
            Handle(receptor, stamp, multiplicity);
        }

        public void EndOfSlice(TimeGrid time) { }

        /// <summary>NEST's correlospinmatrix_detector::handle for an event on channel <paramref name="current"/>.</summary>
        private void Handle(int current, long stamp, int multiplicity)
        {
            bool downTransition = false;
            if (multiplicity == 1)
            {
                if (current == _lastChannel && stamp == _tLastIn)
                {
                    // the second of two spikes: a change to 1
                    _state[current] = true;
                    _lastChange[current] = stamp;
                    _tentativeDown = false;
                }
                else
                {
                    // a single spike so far: a change to 0 once another event shows it stayed alone
                    if (_tentativeDown) downTransition = true;
                    _tentativeDown = true;
                }
            }
            else if (multiplicity == 2)
            {
                _state[current] = true;
                if (_tentativeDown) downTransition = true;
                _state[_lastChannel] = false;
                _lastChange[current] = stamp;
                _tentativeDown = false;
            }

            if (downTransition) CountPulse();
            _lastChannel = current;
            _tLastIn = stamp;
        }

        /// <summary>The pulse of the last event's channel ended with it: adds its overlaps with the pulses in memory.</summary>
        private void CountPulse()
        {
            int i = _lastChannel;
            long tIOn = _lastChange[i], tIOff = _tLastIn;

            // Pulses that ended too long before the earliest pulse still on cannot enter the window any more.
            long tMinOn = tIOn;
            for (int n = 0; n < Channels; n++)
            {
                if (_state[n] && _lastChange[n] < tMinOn) tMinOn = _lastChange[n];
            }
            double tauEdge = _tauMaxSteps + _deltaTauSteps;
            int first = 0;
            while (first < _incoming.Count && tMinOn - _incoming[first].Off >= tauEdge + _minDelaySteps) first++;
            _incoming.RemoveRange(0, first);

            // The new pulse goes before the first that ends later (so that it counts in its own autocorrelation).
            var pulse = new Pulse(tIOn, tIOff, i);
            int at = _incoming.FindIndex(p => p.Off > pulse.Off);
            _incoming.Insert(at < 0 ? _incoming.Count : at, pulse);

            long t0 = _tauMaxSteps / _deltaTauSteps, dt = _deltaTauSteps;
            foreach (var other in _incoming)
            {
                int j = other.Channel;
                long tJOn = other.On, tJOff = other.Off;
                long deltaMin = Math.Max(tJOn - tIOff, -_tauMaxSteps);
                long deltaMax = Math.Min(tJOff - tIOn, _tauMaxSteps);

                long lag = Math.Min(tIOff, tJOff) - Math.Max(tIOn, tJOn);
                if (lag > 0)
                {
                    _covariance[i][j][t0] += lag;
                    if (i != j) _covariance[j][i][t0] += lag;
                }
                for (long delta = deltaMin / dt; delta < 0; delta++) Add(i, j, t0, delta, dt, tIOn, tIOff, tJOn, tJOff);
                if (i != j)
                {
                    for (long delta = 1; delta <= deltaMax / dt; delta++) Add(i, j, t0, delta, dt, tIOn, tIOff, tJOn, tJOff);
                }
            }
            _lastChange[i] = tIOff;
        }

        private void Add(int i, int j, long t0, long delta, long dt, long tIOn, long tIOff, long tJOn, long tJOff)
        {
            long lag = Math.Min(tIOff, tJOff - delta * dt) - Math.Max(tIOn, tJOn - delta * dt);
            if (lag <= 0) return;
            _covariance[i][j][t0 - delta] += lag;
            _covariance[j][i][t0 + delta] += lag;
        }

        protected override void ResetRuntimeState()
        {
            base.ResetRuntimeState();
            _initialized = false;
            ResetPending = false;
            _incoming = [];
            _state = [];
            _lastChange = [];
            _covariance = [[[]]];
        }

        protected override void AfterClone()
        {
            base.AfterClone();
            _incoming = [.. _incoming];
            _state = (bool[])_state.Clone();
            _lastChange = (long[])_lastChange.Clone();
            _covariance = CountCovarianceCopy();
        }

        public override void SaveRuntime(CheckpointWriter writer)
        {
            base.SaveRuntime(writer);
            writer.Write(_initialized);
            writer.Write(_lastChannel);
            writer.Write(_tLastIn);
            writer.Write(_tentativeDown);
            writer.Write(_incoming.Count);
            foreach (var p in _incoming)
            {
                writer.Write(p.On);
                writer.Write(p.Off);
                writer.Write(p.Channel);
            }
            writer.Write(_state.Length);
            foreach (bool on in _state) writer.Write(on);
            writer.Write(_lastChange);
            writer.Write(_covariance.Length);
            foreach (var row in _covariance)
            {
                writer.Write(row.Length);
                foreach (var bins in row) writer.Write(bins);
            }
        }

        public override void RestoreRuntime(CheckpointReader reader)
        {
            base.RestoreRuntime(reader);
            _initialized = reader.ReadBool();
            _lastChannel = reader.ReadInt();
            _tLastIn = reader.ReadLong();
            _tentativeDown = reader.ReadBool();
            int pulses = reader.ReadInt();
            _incoming = new List<Pulse>(pulses);
            for (int k = 0; k < pulses; k++) _incoming.Add(new Pulse(reader.ReadLong(), reader.ReadLong(), reader.ReadInt()));
            _state = new bool[reader.ReadInt()];
            for (int k = 0; k < _state.Length; k++) _state[k] = reader.ReadBool();
            _lastChange = reader.ReadLongs();
            _covariance = new long[reader.ReadInt()][][];
            for (int i = 0; i < _covariance.Length; i++)
            {
                _covariance[i] = new long[reader.ReadInt()][];
                for (int j = 0; j < _covariance[i].Length; j++) _covariance[i][j] = reader.ReadLongs();
            }
        }
    }
}
