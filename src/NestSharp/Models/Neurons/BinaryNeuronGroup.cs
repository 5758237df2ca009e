namespace NestSharp.Models.Neurons;

/// <summary>
/// The gain function of a binary neuron model (NEST's gainfunction_* classes): whether a node whose summed input is
/// <c>h</c> takes the state 1 at an update, drawing what it needs from the random stream it is given. A struct per model,
/// so that the update loop is compiled for each gain without a virtual call.
/// </summary>
internal interface IBinaryGain
{
    /// <summary>The new state (true: 1) of the node at storage position <paramref name="position"/> with input <paramref name="h"/>.</summary>
    bool Decide(int position, double h, ref RandomStream stream);
}

/// <summary>
/// What NEST's binary neurons (the template binary_neuron: ginzburg_neuron, mcculloch_pitts_neuron, erfc_neuron) share.
/// A node has a binary state S (0 or 1) and a summed input h. It is updated at times whose intervals are exponentially
/// distributed with mean tau_m (ms): at an update the gain function decides the new state from h plus the current input
/// of the step; a change of state is sent to the targets as one event, of multiplicity 2 for a change to 1 and of
/// multiplicity 1 for a change to 0 (NEST's encoding). Between updates the state stays.
/// <para>Update order per step (NEST's binary_neuron::update): h += the decoded spike input of the step; c = the current
/// input of the step; if the step's start lies after the next update time t_next: the gain decides on h + c, a change
/// is sent, and t_next += an exponential draw times tau_m (on NEST's grid of tics). t_next starts at a draw times tau_m
/// (from time 0) at the first run.</para>
/// <para>Decoding (NEST's binary_neuron::handle): each incoming event is taken on its own, in delivery order, with the
/// sender and the stamp of the last one: multiplicity 1 from another sender or time adds -w (a change to 0, or the
/// first half of a pair); multiplicity 1 from the same sender and time as the last adds 2w (the second half of a pair:
/// a change to 1, undoing the first half); multiplicity 2 adds w; any other multiplicity adds nothing. A binary
/// neuron's event of multiplicity 2 reaches its targets as two consecutive events of multiplicity 1 (the spike exchange
/// unrolls it, as NEST's send_remote), so it adds +w. Multapses between binary neurons break the decoding, as in NEST.</para>
/// <para>Spikes reach the decoding through <see cref="IPreciseSpikeReceiver"/>: receptor 0 is a counting input whose
/// count is ignored; <see cref="Kernel.PreciseSpikeRoutes"/> hands every spike with its sender and stamp, in canonical
/// order (synapse model, then step and sender), on the thread that owns the target, and the decoded weight goes into
/// the ring's cell of the arrival step of an input of its own. Currents (noise_generator) arrive on receptor 0.</para>
/// <para>Random numbers: the first t_next from the node's keyed stream at a position of its own, each update's draws
/// (the gain's uniform number, then the interval) from the node's stream for the step: the same for any number of
/// threads and processes (NEST's own numbers are not reproduced).</para>
/// <para>Signals: binary neurons send and take binary events only (NEST's SignalType BINARY): they connect to other
/// binary neurons, parrot_neuron, spike_recorder, spin_detector and correlospinmatrix_detector, and take events from
/// binary neurons, parrot_neuron and spike_generator, currents from noise_generator and requests from multimeters.
/// Their spike history and calcium see one spike per change of state (NEST sets the spike time once).</para>
/// <para>Status: tau_m (ms, &gt; 0), the gain function's parameters, h (summed input) and S (state, a boolean), both
/// read-only. Recordables: S, h.</para>
/// </summary>
internal abstract class BinaryNeuronGroup : NeuronGroup, IPreciseSpikeReceiver
{
    private readonly BinaryNeuronState _state;
    private ulong[] _nodeKeys = [];
    private long _ticsPerStep;
    private double _ticsPerMs;
    private InputRing? _ring;


    protected BinaryNeuronGroup(NodeModel model, int firstId, int count, NeuronSchema schema, BinaryNeuronState state)
        : base(model, firstId, count, schema)
    {
        _state = state;
    }

    public override bool SupportsCheckpoint => true;

    public override SignalType SendsSignal => SignalType.Binary;

    public override SignalType ReceivesSignal => SignalType.Binary;

    public override bool SetsSpikeTimeOncePerEvent => true;

    /// <summary>The decoding weighs each spike by its connection's weight.</summary>
    public bool UsesWeights => true;

    /// <summary>The decoding needs each spike's sender (NEST reads it from the source table).</summary>
    public bool DecodesSenders => true;

    public bool TakesPreciseSpikesOn(int channel)
    {
        int first = ChannelOf(_state.Spikes);
        return channel >= first && channel < first + Count;
    }

    /// <summary>An event a generator adds into the input directly (none of those may connect): decoded as from sender 0.</summary>
    public void ReceivePrecise(int channel, long step, double offset, int multiplicity, double weight, long stamp, int receptor) =>
        Decode(_ring!, 0, step, channel, step, multiplicity, weight);

    /// <summary>NEST's binary_neuron::handle(SpikeEvent): decodes one event into the input of its arrival step.</summary>
    public void ReceiveFrom(InputRing ring, int sender, long stamp, int receptor, int channel, long step, double offset, int multiplicity, double weight) =>
        Decode(ring, sender, stamp, channel, step, multiplicity, weight);

    private void Decode(InputRing ring, int sender, long stamp, int channel, long step, int multiplicity, double weight)
    {
        int position = channel - ChannelOf(_state.Spikes);
        double[] lastSender = this[_state.LastSender], lastStamp = this[_state.LastStamp];
        if (multiplicity <= 2)
        {
            double value = multiplicity == 2 ? weight
                : sender == lastSender[position] && stamp == lastStamp[position] ? 2.0 * weight // the second half of a pair
                : -weight;
            ring.Data[(long)ring.SlotOf(step) * ring.Channels + ChannelOf(_state.Decoded) + position] += value;
        }
        lastSender[position] = sender;
        lastStamp[position] = stamp;
    }

    public override void Prepare(SimulationContext context)
    {
        base.Prepare(context);
        _ring = context.Ring;
        _ticsPerStep = context.Time.TicsPerStep;
        _ticsPerMs = context.Time.TicsPerMs;
        ulong modelKey = RandomStream.Derive(context.SeedKey, 0xB1_4A27_0E0B);
        _nodeKeys = new ulong[Count];
        double[] tNext = this[_state.TNext], tauM = this[_state.TauM];
        for (int i = 0; i < Count; i++)
        {
            _nodeKeys[i] = RandomStream.Derive(modelKey, (ulong)IdOf(i));
            // NEST's pre_run_hook: the first update time, from time 0, if the node has none yet.
            if (double.IsNegativeInfinity(tNext[i]))
            {
                var stream = new RandomStream(RandomStream.Derive(_nodeKeys[i], ulong.MaxValue));
                tNext[i] = MsToTics(stream.NextExponential() * tauM[i]);
            }
        }
    }

    /// <summary>NEST's Time::ms for a non-negative time: the nearest tic (halves up).</summary>
    private double MsToTics(double ms) => Math.Floor(ms * _ticsPerMs + 0.5);

    /// <summary>The S and h of the node as NEST shows them: a boolean and a number, both read-only.</summary>
    public override void WriteStatus(int local, Dictionary<string, object> status)
    {
        base.WriteStatus(local, status);
        int position = PositionOf(local);
        status["S"] = this[_state.Y][position] != 0.0;
        status["h"] = this[_state.H][position];
    }

    /// <summary>The update of a thread's chunk with the model's gain function.</summary>
    protected void Advance<TGain>(SimulationContext context, int thread, long sliceStart, int from, int to, TGain gain)
        where TGain : struct, IBinaryGain =>
        AdvanceChunk(context, thread, sliceStart, from, to, new Stepper<TGain>(this, context.SpikesOfVp[thread], gain));

    private readonly struct Stepper<TGain>(BinaryNeuronGroup group, SpikeBuffer spikes, TGain gain) : IChunkStepper
        where TGain : struct, IBinaryGain
    {
        public void Advance(in ChunkStep step) => group.Step(step, spikes, gain);
    }

    /// <summary>One step of the nodes of a chunk, in NEST's order (see the class summary).</summary>
    private void Step<TGain>(in ChunkStep s, SpikeBuffer spikes, TGain gain) where TGain : struct, IBinaryGain
    {
        var st = _state;
        double[] h = this[st.H], y = this[st.Y], tNext = this[st.TNext], tauM = this[st.TauM];
        Span<double> decoded = s.Input(st.Decoded), currents = s.Input(st.Currents);
        double stepTics = (double)(s.Step * _ticsPerStep);
        for (int i = s.Start; i < s.End; i++)
        {
            int k = i - s.Start;
            h[i] += decoded[k];
            double c = currents[k];
            if (stepTics <= tNext[i]) continue;
            var stream = new RandomStream(RandomStream.Derive(_nodeKeys[i], (ulong)s.Step));
            bool up = gain.Decide(i, h[i] + c, ref stream);
            if (up != (y[i] != 0.0))
            {
                // multiplicity 2: a change to 1; 1: a change to 0
                spikes.Add(s.Lag, IdOf(i), up ? 2 : 1);
                y[i] = up ? 1.0 : 0.0;
            }
            tNext[i] += MsToTics(stream.NextExponential() * tauM[i]);
        }
    }
}

/// <summary>
/// The columns and inputs every binary neuron model declares into its schema (NEST's binary_neuron's Parameters_,
/// State_ and Buffers_): tau_m; the state S (Y) and the input h (H), shown by <see cref="BinaryNeuronGroup"/>; the next
/// update time in tics; the sender and stamp of the last event received; the inputs.
/// </summary>
internal sealed class BinaryNeuronState
{
    public readonly Column TauM, Y, H, TNext, LastSender, LastStamp;
    public readonly InputChannel Spikes, Decoded, Currents;

    /// <param name="schema">The model's schema.</param>
    public BinaryNeuronState(NeuronSchema schema)
    {
        TauM = schema.Parameter("tau_m", 10.0, "ms", Requirement.Positive("All time constants must be strictly positive."));
        Y = schema.Internal("S");
        H = schema.Internal("h");
        TNext = schema.Internal("t_next", double.NegativeInfinity);
        LastSender = schema.Internal("last_in_node_id");
        LastStamp = schema.Internal("t_last_in_spike", double.NegativeInfinity);
        Spikes = schema.Input("spikes");
        Decoded = schema.Input("decoded");
        Currents = schema.Input("currents");
        schema.CountingSpikeReceptor(0, Spikes);
        schema.CurrentReceptor(0, Currents);
        schema.Recordable(Y);
        schema.Recordable(H);
    }
}
