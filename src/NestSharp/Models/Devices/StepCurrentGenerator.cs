using NestSharp.Checkpoint;
using NestSharp.Kernel;
using NestSharp.Nodes;

namespace NestSharp.Models.Devices;

/// <summary>
/// step_current_generator: a piecewise constant current. From time <c>amplitude_times[i]</c> (ms, absolute simulation
/// time, not relative to origin) on, the generator sends <c>amplitude_values[i]</c> (pA) to every target, scaled by the
/// connection weight and after the connection delay; before the first time it sends 0. The value changes in the step
/// (t - h, t] whose end is the given time t, so that with the minimal delay a neuron receives it from t on.
/// <para>Times must be strictly positive, on the grid of the resolution and strictly increasing in steps; with
/// <c>allow_offgrid_times</c> a time between grid points moves to the end of its step. Times and values are set
/// together and have the same length; <c>allow_offgrid_times</c> changes only together with them or while there are
/// no times. A time that has passed when the times are set is skipped. Activity (start, stop, origin) as every
/// current generator (<see cref="CurrentGeneratorGroup{TNode}"/>). Recordable: I.</para>
/// <para>Reference: NEST model documentation, step_current_generator.</para>
/// </summary>
[NodeModelName("step_current_generator")]
internal sealed class StepCurrentGenerator(NodeModel model, int firstId, int count)
    : CurrentGeneratorGroup<StepCurrentGenerator.Node>(model, firstId, count, () => new Node())
{
    public override bool SupportsCheckpoint => true;

    internal sealed class Node : CurrentGeneratorNode
    {
        private static readonly DeviceKeys<Node> Declared = StimulatorKeys<Node>()
            .Custom("amplitude_times", n => n.AmplitudeTimesOnGrid.ToArray(), (n, key, value) =>
            {
                n._times = StatusValue.ToDoubleArray(key, value);
                n._timesGiven = true;
            }, isArray: true)
            .Reals("amplitude_values", n => n.AmplitudeValues, (n, v) => { n.AmplitudeValues = v; n._valuesGiven = true; })
            .Boolean("allow_offgrid_times", n => n.AllowOffgridTimes, (n, v) => { n._offgridChanged = v != n.AllowOffgridTimes; n.AllowOffgridTimes = v; })
            .ReadOnly("recordables", _ => RecordableNames.ToArray());

        public double[] AmplitudeValues = [];
        public bool AllowOffgridTimes;

        /// <summary>The steps at whose end each amplitude starts (absolute step numbers).</summary>
        public long[] AmplitudeSteps = [];

        /// <summary>The amplitude times as the grid holds them (ms).</summary>
        public double[] AmplitudeTimesOnGrid = [];

        /// <summary>Per thread: the next amplitude to take and the amplitude being sent.</summary>
        public int[] NextIndex = [];
        public double[] Amplitude = [];

        private double[] _times = [];
        private bool _timesGiven, _valuesGiven, _offgridChanged;

        public override IDeviceKeys Keys => Declared;

        protected override void AfterClone() => _timesGiven = _valuesGiven = _offgridChanged = false;

        protected override void ResetRuntimeState()
        {
            base.ResetRuntimeState();
            NextIndex = [];
            Amplitude = [];
        }

        // Every thread's copy is at the same place: one is saved, and Prepare gives it to every thread.
        public override void SaveRuntime(CheckpointWriter writer)
        {
            writer.Write(NextIndex.Length > 0 ? NextIndex[0] : 0);
            writer.Write(Amplitude.Length > 0 ? Amplitude[0] : 0.0);
        }

        public override void RestoreRuntime(CheckpointReader reader)
        {
            NextIndex = [reader.ReadInt()];
            Amplitude = [reader.ReadDouble()];
        }

        public override void Validate(StatusContext context)
        {
            base.Validate(context);
            if (_timesGiven != _valuesGiven)
                throw new BadPropertyException(_timesGiven ? "amplitude_times" : "amplitude_values", "given alone", "Amplitude times and values must be reset together.");
            if (_offgridChanged && !_timesGiven && AmplitudeSteps.Length > 0)
            {
                throw new BadPropertyException("allow_offgrid_times", AllowOffgridTimes,
                    "allow_offgrid_times can only be changed before amplitude_times have been set, or together with amplitude_times and amplitude_values.");
            }
            int times = _timesGiven ? _times.Length : AmplitudeSteps.Length;
            if (times != AmplitudeValues.Length)
            {
                throw new BadPropertyException("amplitude_values", AmplitudeValues,
                    $"Amplitude times and values have to be the same size ({times} times, {AmplitudeValues.Length} values).");
            }
            if (!_timesGiven) return;
            var grid = context.Time;
            var steps = new long[_times.Length];
            for (int i = 0; i < _times.Length; i++)
            {
                double t = _times[i];
                if (!(t > 0) || IsInfiniteTime(t, grid))
                    throw new BadPropertyException("amplitude_times", t, "Amplitude can only be changed at strictly positive (finite) times (t > 0).");
                long step = GridTimes.StepEndingAt(t, grid, AllowOffgridTimes, "amplitude_times", "step_current_generator: ", ".");
                if (i > 0 && step <= steps[i - 1])
                    throw new BadPropertyException("amplitude_times", t, "step_current_generator: amplitude times must be at strictly increasing time steps.");
                steps[i] = step;
            }
            AmplitudeSteps = steps;
            AmplitudeTimesOnGrid = Array.ConvertAll(steps, grid.StepToMs);
            // New times: every thread starts again from the first (the amplitude being sent is kept, as in NEST).
            NextIndex = new int[NextIndex.Length];
        }
    }

    public override void Prepare(SimulationContext context)
    {
        foreach (var node in Nodes)
        {
            if (node.NextIndex.Length == context.VirtualProcesses) continue;
            // a restored node carries one thread's place (all threads' are the same)
            int next = node.NextIndex.Length > 0 ? node.NextIndex[0] : 0;
            double amplitude = node.Amplitude.Length > 0 ? node.Amplitude[0] : 0.0;
            node.NextIndex = new int[context.VirtualProcesses];
            node.Amplitude = new double[context.VirtualProcesses];
            Array.Fill(node.NextIndex, next);
            Array.Fill(node.Amplitude, amplitude);
        }
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to)
    {
        // Amplitude times that passed before this slice are skipped (set after they were due), as in NEST.
        foreach (var node in Nodes)
        {
            ref int next = ref node.NextIndex[thread];
            while (next < node.AmplitudeSteps.Length && node.AmplitudeSteps[next] <= sliceStart + from) next++;
        }
        base.Update(context, thread, sliceStart, from, to);
    }

    protected override double Step(Node node, int local, SimulationContext context, int thread, long step, bool active)
    {
        ref int next = ref node.NextIndex[thread];
        ref double amplitude = ref node.Amplitude[thread];
        if (next < node.AmplitudeSteps.Length && step + 1 == node.AmplitudeSteps[next])
        {
            amplitude = node.AmplitudeValues[next];
            next++;
        }
        if (!active) return 0.0;
        var ring = context.Ring;
        foreach (ref readonly var target in node.Targets.OfThread(thread))
            GeneratorDelivery.AddCurrent(ring, in target, step, amplitude);
        return amplitude;
    }
}
