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
[NodeModelName("dc_generator")]
internal sealed class DcGenerator(NodeModel model, int firstId, int count)
    : DeviceGroup<DcGenerator.Node>(model, firstId, count, () => new Node()), ILocalGenerator
{
    public override ElementType ElementType => ElementType.Stimulator;

    public bool SendsCurrent => true;

    public DeviceTargets TargetsOf(int local) => Nodes[local].Targets;

    internal sealed class Node : DeviceNode
    {
        private static readonly DeviceKeys<Node> Declared = CommonKeys<Node>()
            .Real("amplitude", n => n.Amplitude, (n, v) => n.Amplitude = v);

        public double Amplitude;
        public DeviceTargets Targets = new();

        public override IDeviceKeys Keys => Declared;

        protected override void ResetRuntimeState() => Targets = new DeviceTargets();
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to)
    {
        var ring = context.Ring;
        foreach (var node in Nodes)
        {
            var targets = node.Targets.OfThread(thread);
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
