namespace NestSharp.Models.Devices;

/// <summary>
/// spin_detector: decodes and records the binary states of the nodes connected to it from their events (NEST's
/// encoding: one spike for state 0, two spikes in one step, or one event of multiplicity 2, for state 1), as
/// (sender, time, state) events; the state is in <c>events["state"]</c>. It records decoded states, which for binary
/// neurons are their changes; a sender that repeats a state has it recorded again.
/// <para>Decoding (NEST's spin_detector::handle), per event within the device's window (origin + start &lt; stamp
/// &lt;= origin + stop), with one event held back: an event of multiplicity 1 from the sender and stamp of the held
/// one makes the held one a 1; then a held event is written; an event of multiplicity 2 is written as a 1; an event
/// of multiplicity 1 (or more than 2) is held as a 0 when nothing was held, and otherwise dropped (as NEST does: after a
/// held event of another sender, a second single spike in a row is lost). What is held at the end of a slice is
/// written then (NEST's update). Events come in canonical order (step, then sender) and a binary neuron's event with
/// its multiplicity (NEST hands it to local devices before its spike exchange unrolls it); NEST's order instead
/// depends on its threads (one decoder per thread, each seeing its thread's senders node by node), so several
/// senders that change state in one slice may be recorded differently.</para>
/// <para>Status: those of spike_recorder (record_to, label, start, stop, origin, n_events, events with senders, times
/// and state). Connections take receptor_type 0 only; weights and delays are ignored.</para>
/// </summary>
[NodeModelName("spin_detector")]
internal sealed class SpinDetector(NodeModel model, int firstId, int count)
    : RecorderGroup<SpinDetector.Node>(model, firstId, count, () => new Node())
{
    /// <summary>As NEST: it takes the events of binary neurons (and of spike generators and parrots, which send both kinds).</summary>
    public override SignalType ReceivesSignal => SignalType.Binary;

    /// <summary>Nothing is held between slices, so the recording is all there is to keep.</summary>
    public override bool SupportsCheckpoint => RecordingsSupportCheckpoint;

    internal sealed class Node : RecorderNode, IBinaryEventSink
    {
        private static readonly DeviceKeys<Node> Declared = RecorderKeys<Node>();

        /// <summary>The held event (NEST's last_event_), valid while <see cref="_lastSender"/> is not 0.</summary>
        private int _lastSender, _lastVp, _lastState;
        private long _lastStamp;
        private double _lastOffset;

        /// <summary>The stamp of the last event held (NEST's t_last_in_spike_, kept when the held event is written).</summary>
        private long _tLastIn = long.MinValue;

        public override IDeviceKeys Keys => Declared;

        public override IReadOnlyList<string> DoubleValueNames => [];

        public override IReadOnlyList<string> LongValueNames => ["state"];

        public void RecordSpike(TimeGrid time, int sender, int vp, long stamp, int multiplicity, double offset) =>
            ReceiveEvent(time, sender, vp, stamp, multiplicity, offset, 0, false);

        public void ReceiveEvent(TimeGrid time, int sender, int vp, long stamp, int multiplicity, double offset, int receptor, bool fromNodeWithProxies)
        {
            if (!IsActive(time, stamp)) return;
            if (multiplicity == 1 && sender == _lastSender && stamp == _tLastIn) _lastState = 1; // the second spike of a pair
            if (_lastSender != 0) WriteHeld(time);
            if (multiplicity == 2)
            {
                Write(time, sender, vp, stamp, offset, 1);
                _lastSender = 0;
            }
            else if (_lastSender == 0)
            {
                (_lastSender, _lastVp, _lastStamp, _lastOffset, _lastState) = (sender, vp, stamp, offset, 0);
                _tLastIn = stamp;
            }
            else
            {
                _lastSender = 0;
            }
        }

        public void EndOfSlice(TimeGrid time)
        {
            if (_lastSender == 0) return;
            WriteHeld(time);
            _lastSender = 0;
        }

        public void CheckReceptor(int receptor, string model)
        {
            if (receptor != 0) throw new UnknownReceptorTypeException($"Receptor type {receptor} is not available in {model}: it takes receptor_type 0 only.");
        }

        private void WriteHeld(TimeGrid time) => Write(time, _lastSender, _lastVp, _lastStamp, _lastOffset, _lastState);

        private void Write(TimeGrid time, int sender, int vp, long stamp, double offset, long state) =>
            Record(vp, sender, stamp, time.StepToMs(stamp) - offset, [], [state], offset);

        protected override void ResetRuntimeState()
        {
            base.ResetRuntimeState();
            _lastSender = 0;
            _tLastIn = long.MinValue;
        }
    }
}
