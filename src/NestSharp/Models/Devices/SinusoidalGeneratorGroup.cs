namespace NestSharp.Models.Devices;

/// <summary>
/// How a sinusoidal generator draws its spikes in one step (<see cref="SinusoidalGeneratorGroup{TNode}"/>): a struct
/// per model, holding one node's state for one thread, so that the update loop is compiled for each model.
/// </summary>
internal interface ISinusoidalTrains
{
    /// <summary>The rate of step <paramref name="step"/> (spikes/ms); called once for every step, in order.</summary>
    double RateIn(long step);

    /// <summary>The spikes of the one train of all targets in the step, drawn from <paramref name="stream"/>.</summary>
    ulong SharedSpikes(ref RandomStream stream, double rate);

    /// <summary>The spikes of the train of the thread's target <paramref name="target"/> in the step, drawn from <paramref name="stream"/>.</summary>
    ulong TargetSpikes(int target, ref RandomStream stream, double rate);
}

/// <summary>
/// A node of a sinusoidal generator: the sinusoid's parameters, <c>individual_spike_trains</c> and the recordable rate.
/// </summary>
internal abstract class SinusoidalGeneratorNode : GeneratorNode
{
    /// <summary>rate, amplitude (spikes/s), frequency (Hz), phase (degrees).</summary>
    public double Rate, Amplitude, Frequency, Phase;

    /// <summary>individual_spike_trains: one train per target (true) or one for all.</summary>
    public bool IndividualSpikeTrains = true;

    /// <summary>The rate of the last step (spikes/s): the recordable.</summary>
    public double CurrentRate;

    /// <summary>A stimulator's keys, then rate, amplitude, frequency and phase.</summary>
    protected static DeviceKeys<TNode> SinusoidKeys<TNode>() where TNode : SinusoidalGeneratorNode => StimulatorKeys<TNode>()
        .Real("rate", n => n.Rate, (n, v) => n.Rate = v)
        .Real("amplitude", n => n.Amplitude, (n, v) => n.Amplitude = v)
        .Real("frequency", n => n.Frequency, (n, v) => n.Frequency = v)
        .Real("phase", n => n.Phase, (n, v) => n.Phase = v);

    protected override void ResetRuntimeState()
    {
        base.ResetRuntimeState();
        CurrentRate = 0;
    }
}

/// <summary>
/// What sinusoidal_poisson_generator and sinusoidal_gamma_generator share: <c>individual_spike_trains</c>, settable on
/// the model only; without individual trains one train goes to every target through ordinary spike delivery (the
/// generator has proxies, as NEST's); the recordable rate; the keyed streams, salted by the model's
/// <c>streamSalt</c>; and the update loop. In each step the model's <see cref="ISinusoidalTrains"/> gives the rate;
/// while the step lies in the active window and the rate is positive, thread 0 draws the spikes of the one train from
/// the generator's keyed stream, or each thread draws those of its targets' trains from each connection's keyed stream,
/// indexed by the step.
/// </summary>
internal abstract class SinusoidalGeneratorGroup<TNode>(NodeModel model, int firstId, int count, Func<TNode> make, ulong streamSalt)
    : SampledGeneratorGroup<TNode>(model, firstId, count, make, RecordableNames)
    where TNode : SinusoidalGeneratorNode
{
    /// <summary>The one recordable of both models.</summary>
    protected static readonly string[] RecordableNames = ["rate"];

    /// <summary>Gives every connection its keyed stream, then prepares each node as the model does (<see cref="Prepare(TNode, SimulationContext)"/>).</summary>
    public override void Prepare(SimulationContext context)
    {
        for (int local = 0; local < Count; local++)
        {
            var node = Nodes[local];
            GeneratorDelivery.AssignStreamKeys(node.Targets, context, streamSalt, FirstId + local);
            Prepare(node, context);
        }
    }

    /// <summary>Prepares <paramref name="node"/> for the run of <paramref name="context"/>; its connections have their stream keys.</summary>
    protected abstract void Prepare(TNode node, SimulationContext context);

    /// <summary>Without individual trains the generator sends one train through ordinary spike delivery.</summary>
    public override bool EmitsSpikes => Count > 0 && !Nodes[0].IndividualSpikeTrains;

    // one train for all targets: the generator exists once, as a neuron does (NEST's has_proxies)
    public override bool HasProxies => EmitsSpikes;

    public override Action Stage(int local, IReadOnlyDictionary<string, object> values, StatusContext context)
    {
        RefuseIndividualSpikeTrainsOnInstance(values);
        return base.Stage(local, values, context);
    }

    public override double ReadRecordable(int index, int position) => Nodes[position].CurrentRate;

    /// <summary>
    /// Steps <paramref name="from"/> to <paramref name="to"/> - 1 of the slice for node <paramref name="local"/> on
    /// <paramref name="thread"/>.
    /// </summary>
    protected void UpdateTrains<TTrains>(SimulationContext context, int thread, long sliceStart, int from, int to, int local, TTrains trains)
        where TTrains : struct, ISinusoidalTrains
    {
        var ring = context.Ring;
        var links = thread < Samplers.Length ? Samplers[thread] : [];
        bool sendsShared = EmitsSpikes;
        var node = Nodes[local];
        var targets = node.Targets.OfThread(thread);
        var (firstActive, lastActive) = node.ActiveSteps(context.Time);
        ulong generatorKey = sendsShared ? GeneratorDelivery.GeneratorKey(context, streamSalt, FirstId + local) : 0;
        for (int lag = from; lag < to; lag++)
        {
            long step = sliceStart + lag;
            double rate = trains.RateIn(step);
            if (rate > 0 && step > firstActive && step <= lastActive)
            {
                if (sendsShared)
                {
                    if (thread == 0)
                    {
                        var stream = new RandomStream(RandomStream.Derive(generatorKey, (ulong)step));
                        ulong k = trains.SharedSpikes(ref stream, rate);
                        if (k != 0) context.SpikesOfVp[0].Add(lag, FirstId + local, (int)k);
                    }
                }
                else
                {
                    for (int j = 0; j < targets.Length; j++)
                    {
                        var stream = new RandomStream(RandomStream.Derive(targets[j].StreamKey, (ulong)step));
                        ulong k = trains.TargetSpikes(j, ref stream, rate);
                        if (k != 0) GeneratorDelivery.AddSpikes(ring, in targets[j], step, (long)k);
                    }
                }
            }
            if (links.Length == 0) continue;
            node.CurrentRate = 1000.0 * rate;
            TakeSamples(links, thread, step, local);
        }
    }
}
