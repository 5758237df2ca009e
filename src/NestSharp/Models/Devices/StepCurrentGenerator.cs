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
        private static readonly DeviceKeys<Node> Declared =
            TimedValues<double>.Declare(StimulatorKeys<Node>(), "amplitude_times", "amplitude_values", static n => ref n.Amplitudes)
                .ReadOnly("recordables", _ => RecordableNames.ToArray());

        /// <summary>The amplitudes, their times, and per thread the next amplitude to take and the amplitude being sent.</summary>
        public TimedValues<double> Amplitudes = new();

        public override IDeviceKeys Keys => Declared;

        protected override void AfterClone() => Amplitudes.ForgetGiven();

        protected override void ResetRuntimeState()
        {
            base.ResetRuntimeState();
            Amplitudes.ClearPlaces();
        }

        // The place in the table with the amplitude in force; Prepare gives it to every thread.
        public override void SaveRuntime(CheckpointWriter writer) => Amplitudes.SavePlace(writer, 0.0, static amplitude => amplitude);

        public override void RestoreRuntime(CheckpointReader reader) => Amplitudes.RestorePlace(reader, static amplitude => amplitude);

        public override void Validate(StatusContext context)
        {
            base.Validate(context);
            Amplitudes.CheckAmplitudeSteps(context.Time, "amplitude_times", "amplitude_values", "step_current_generator");
        }
    }

    public override void Prepare(SimulationContext context)
    {
        foreach (var node in Nodes) node.Amplitudes.SpreadOver(context.VirtualProcesses, 0.0);
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to)
    {
        // Amplitude times that passed before this slice are skipped (set after they were due), as in NEST.
        foreach (var node in Nodes) node.Amplitudes.SkipPassed(thread, sliceStart + from);
        base.Update(context, thread, sliceStart, from, to);
    }

    protected override double Step(Node node, int local, SimulationContext context, int thread, long step, bool active)
    {
        double amplitude = node.Amplitudes.InForceIn(thread, step, node.Amplitudes.Values);
        if (!active) return 0.0;
        var ring = context.Ring;
        foreach (ref readonly var target in node.Targets.OfThread(thread))
            GeneratorDelivery.AddCurrent(ring, in target, step, amplitude);
        return amplitude;
    }
}
