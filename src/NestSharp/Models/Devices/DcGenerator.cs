using NestSharp.Connections;
using NestSharp.Kernel;
using NestSharp.Nodes;

namespace NestSharp.Models.Devices;

/// <summary>
/// dc_generator: a constant current <c>amplitude</c> (pA), sent to every target in each step (t, t + h], scaled by the
/// connection weight, arriving after the connection delay. As NEST's current generators, it sends in the steps with
/// origin + start &lt; t + 2h &lt;= origin + stop, so that with the minimal delay the current acts on the neuron from
/// origin + start on.
/// <para>Parameters: <c>amplitude</c> (pA), <c>start</c>, <c>stop</c>, <c>origin</c> (ms). Recordable: I.</para>
/// </summary>
internal sealed class DcGenerator : DeviceGroup<DcGenerator.Node>, ILocalGenerator
{
    public const string ModelName = "dc_generator";

    public DcGenerator(NodeModel model, int firstId, int count) : base(model, firstId, count, () => new Node()) { }

    public override ElementType ElementType => ElementType.Stimulator;

    public bool SendsCurrent => true;

    public DeviceTargets TargetsOf(int local) => Nodes[local].Targets;

    public override NodeGroup Instantiate(NodeModel model, int firstId, int n, int threads)
    {
        var group = new DcGenerator(model, firstId, n);
        group.CopyDefaultsFrom(this);
        foreach (var node in group.Nodes) node.Targets.EnsureThreads(threads);
        return group;
    }

    internal sealed class Node : DeviceNode
    {
        private static readonly string[] DcKeys = [.. CommonKeys, "amplitude"];

        public double Amplitude;
        public DeviceTargets Targets = new();

        public override IReadOnlyCollection<string> Keys => DcKeys;

        protected override void ResetRuntimeState() => Targets = new DeviceTargets();

        public override void Apply(string key, object value)
        {
            if (key == "amplitude") Amplitude = StatusValue.ToDouble(key, value);
            else base.Apply(key, value);
        }

        public override void Write(Dictionary<string, object> status)
        {
            base.Write(status);
            status["amplitude"] = Amplitude;
            status["element_type"] = "stimulator";
        }
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to)
    {
        var ring = context.Ring;
        foreach (var node in Nodes)
        {
            var targets = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(node.Targets.OfThread(thread));
            if (targets.Length == 0) continue;
            for (int lag = from; lag < to; lag++)
            {
                long step = sliceStart + lag;
                if (!node.IsActive(context.Time, step + 2)) continue;
                foreach (ref readonly var target in targets)
                    ring.Data[(long)ring.SlotOf(step + target.DelaySteps) * ring.Channels + target.Channel] += target.Weight * node.Amplitude;
            }
        }
    }
}
