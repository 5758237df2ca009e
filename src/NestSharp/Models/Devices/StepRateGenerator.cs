using NestSharp.Models.Neurons;

namespace NestSharp.Models.Devices;

/// <summary>
/// step_rate_generator: a piecewise constant rate (spikes/s) for rate neurons. From time <c>amplitude_times[i]</c> (ms,
/// absolute simulation time) on, the generator's rate is <c>amplitude_values[i]</c>; before the first time it is 0.
/// Its targets take it as the rate of any other rate unit (NEST's DelayedRateConnectionEvent through
/// rate_connection_delayed): weight · rate into the excitatory or inhibitory rate input by the weight's sign, through
/// the target's gain function first when the target has linear_summation false.
/// <para>Update (NEST's, per slice of min_delay steps): times that passed before the slice are skipped; in each step
/// (t, t + h] the rate in force changes when t + h is the next amplitude time (one step ahead, as the current
/// generators); while active (as the current generators, two steps ahead: origin + start &lt; t + 2h &lt;= origin + stop)
/// the step's entry of the slice's rates is that rate, otherwise 0, and the recordable <c>rate</c> is the same. When some
/// step of the slice was active, the slice's min_delay rates (0 outside the steps updated) go to every target at once,
/// as NEST's send_local_ delivers them from a device, which has no proxies: rate i lands in the target's input of step
/// slice start + i + delay - min_delay, the index NEST's handle computes for events delivered after a slice, here during
/// the slice. A target updated before the generator in the slice (a lower id) has read its inputs of this slice
/// already: rates landing there stay in the input ring until it comes round again (min_delay + max_delay steps later),
/// as in NEST. An e-prop readout instead sets its target (or learning window) signal to the event's first rate at once
/// (NEST's handle): that value is in force from the readout's next step on, whatever the delay.</para>
/// <para>Parameters: amplitude_times (ms), amplitude_values (spikes/s), allow_offgrid_times (bool), with the checks of
/// step_current_generator: times strictly positive, on the grid (or with allow_offgrid_times moved to the end of their
/// step) and strictly increasing in steps; times and values set together and of the same length; allow_offgrid_times
/// changed only with them or while there are no times. Activity: start, stop, origin. Recordable: rate. Connections:
/// rate_connection_delayed (or a copy) to rate neurons, receptor 0.</para>
/// <para>Reference: NEST model documentation, step_rate_generator; Hahne J, Dahmen D, Schuecker J, Frommer A, Bolten M,
/// Helias M, Diesmann M (2017). Integration of continuous-time dynamics in a spiking neural network simulator. Front.
/// Neuroinform. 11:34.</para>
/// </summary>
[NodeModelName("step_rate_generator")]
internal sealed class StepRateGenerator(NodeModel model, int firstId, int count)
    : SampledGeneratorGroup<StepRateGenerator.Node>(model, firstId, count, () => new Node(), RecordableNames), ISecondaryEventGenerator
{
    private static readonly string[] RecordableNames = ["rate"];

    /// <summary>Per virtual process: the rates of the slice being updated (min_delay entries).</summary>
    private double[][] _slice = [];

    /// <summary>The gain functions of targets with linear_summation false (null: every target sums linearly).</summary>
    private RateInputGains? _gains;

    public override bool SupportsCheckpoint => true;

    public override bool SendsSecondary(SecondaryEventType type) => type == RateEvents.Delayed;

    public SecondaryEventType Sends => RateEvents.Delayed;

    /// <summary>The channels of the targets that take rates as a state (<see cref="IRateSignalStateTarget"/>), or null.</summary>
    private RateSignalStates? _states;

    public void PrepareSecondary(SimulationContext context)
    {
        _gains = RateInputGains.Of(context);
        _states = RateSignalStates.Of(context);
    }

    public override double ReadRecordable(int index, int position) => Nodes[position].Rate;

    internal sealed class Node : GeneratorNode
    {
        private static readonly DeviceKeys<Node> Declared =
            TimedValues<double>.Declare(StimulatorKeys<Node>(), "amplitude_times", "amplitude_values", static n => ref n.Amplitudes)
                .ReadOnly("recordables", _ => RecordableNames.ToArray());

        /// <summary>The rates, their times, and per thread the next rate to take and the rate in force.</summary>
        public TimedValues<double> Amplitudes = new();

        /// <summary>The rate of the last step updated (0 while inactive): what a multimeter reads as rate.</summary>
        public double Rate;

        public override IDeviceKeys Keys => Declared;

        protected override void AfterClone() => Amplitudes.ForgetGiven();

        protected override void ResetRuntimeState()
        {
            base.ResetRuntimeState();
            Amplitudes.ClearPlaces();
            Rate = 0;
        }

        // The place in the table with the rate in force; Prepare gives it to every thread.
        public override void SaveRuntime(CheckpointWriter writer) => Amplitudes.SavePlace(writer, 0.0, static rate => rate);

        public override void RestoreRuntime(CheckpointReader reader) => Amplitudes.RestorePlace(reader, static rate => rate);

        public override void Validate(StatusContext context)
        {
            base.Validate(context);
            Amplitudes.CheckAmplitudeSteps(context.Time, "amplitude_times", "amplitude_values", "step_rate_generator");
        }
    }

    public override void Prepare(SimulationContext context)
    {
        foreach (var node in Nodes) node.Amplitudes.SpreadOver(context.VirtualProcesses, 0.0);
        if (_slice.Length != context.VirtualProcesses || (_slice.Length > 0 && _slice[0].Length != context.MinDelaySteps))
        {
            _slice = new double[context.VirtualProcesses][];
            for (int vp = 0; vp < _slice.Length; vp++) _slice[vp] = new double[context.MinDelaySteps];
        }
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to)
    {
        var links = thread < Samplers.Length ? Samplers[thread] : [];
        double[] rates = _slice[thread];
        for (int local = 0; local < Count; local++)
        {
            var node = Nodes[local];
            ref var amplitudes = ref node.Amplitudes;
            amplitudes.SkipPassed(thread, sliceStart + from);
            var (first, last) = node.ActiveSteps(context.Time);
            Array.Clear(rates);
            bool active = false;
            for (int lag = from; lag < to; lag++)
            {
                long step = sliceStart + lag;
                double amplitude = amplitudes.InForceIn(thread, step, amplitudes.Values);
                double rate = 0.0;
                long tested = step + 2;
                if (tested > first && tested <= last)
                {
                    rate = amplitude;
                    rates[lag] = amplitude;
                    active = true;
                }
                if (links.Length == 0) continue;
                node.Rate = rate;
                TakeSamples(links, thread, step, local);
            }
            if (active) Send(context, node.Targets.OfThread(thread), FirstId + local, sliceStart, rates);
        }
    }

    /// <summary>
    /// NEST's handle of a DelayedRateConnectionEvent sent by a device during the slice starting at
    /// <paramref name="sliceStart"/>: rate i, times the weight (through the target's gain with linear_summation false),
    /// into the target's input of step sliceStart + delay - min_delay + i. An e-prop readout
    /// (<see cref="IRateSignalStateTarget"/>) takes the first rate as its signal instead, from its next step on
    /// (sliceStart with a higher id than <paramref name="sourceId"/>, else sliceStart + min_delay) for min_delay steps;
    /// in a slice where the generator is inactive it sends nothing and the readout keeps its signal.
    /// </summary>
    private void Send(SimulationContext context, Span<DeviceTarget> targets, int sourceId, long sliceStart, double[] rates)
    {
        var ring = context.Ring;
        double[] data = ring.Data;
        int channels = ring.Channels, minDelay = rates.Length;
        var gains = _gains;
        var states = _states;
        foreach (ref readonly var target in targets)
        {
            int channel = target.Channel;
            double weight = target.Weight;
            if (states is not null && states.Contains(channel))
            {
                // An e-prop readout sets its signal to the event's first rate when NEST's send_local_ hands it over:
                // in force from its next step, this slice's first if it is updated after the generator.
                long from = target.TargetId > sourceId ? sliceStart : sliceStart + minDelay;
                for (int i = 0; i < minDelay; i++) states.Write(data, channels, ring.SlotOf(from + i), channel, weight * rates[0]);
                continue;
            }
            long first = sliceStart + target.DelaySteps - minDelay;
            for (int i = 0; i < minDelay; i++)
            {
                double rate = gains is null ? rates[i] : gains.Apply(channel, rates[i]);
                data[(long)ring.SlotOf(first + i) * channels + channel] += weight * rate;
            }
        }
    }
}
