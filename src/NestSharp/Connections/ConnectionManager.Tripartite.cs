using NestSharp.Connections.Rules;

namespace NestSharp.Connections;

/// <summary>TripartiteConnect: primary connections with third-factor connections (NEST's tripartite ConnBuilder).</summary>
internal sealed partial class ConnectionManager
{
    /// <summary>Tags of the streams of a tripartite call besides the primary rule's.</summary>
    private const ulong ThirdFactorTag = 0x7_41D_FAC7, ThirdInTag = 0x7_41D_0001, ThirdOutTag = 0x7_41D_0002;

    /// <summary>
    /// Connects <paramref name="sources"/> to <paramref name="targets"/> by the primary rule of <paramref name="spec"/>
    /// with the synapses <paramref name="primary"/>; for each primary connection the third-factor rule of
    /// <paramref name="thirdSpec"/> decides whether it gets a third-factor node of <paramref name="third"/>, which is
    /// then connected to the target (<paramref name="thirdOut"/>) and the source to it (<paramref name="thirdIn"/>).
    /// As NEST, the third-factor connection is made once per primary connection, not per collocated synapse. All three
    /// parts are checked and built before any is stored, so a failing call changes nothing.
    /// </summary>
    public void ConnectTripartite(int[] sources, int[] targets, int[] third, ConnSpec spec, ConnSpec thirdSpec,
        SynSpec[] primary, SynSpec[] thirdIn, SynSpec[] thirdOut)
    {
        using var measured = _connectClock.Measure();
        if (sources.Length == 0) throw new IllegalConnectionException("Presynaptic nodes cannot be an empty NodeCollection.");
        if (targets.Length == 0) throw new IllegalConnectionException("Postsynaptic nodes cannot be an empty NodeCollection.");
        if (third.Length == 0) throw new IllegalConnectionException("Third-factor nodes cannot be an empty NodeCollection.");

        // NEST's order: the third-factor rule and its checks, then the primary rule.
        var thirdRule = Catalog.CreateThirdFactorRule(thirdSpec);
        thirdRule.Check(targets.Length, third.Length);
        if (!Catalog.ConnectionRules.TryGetValue(spec.Rule, out var makeRule))
            throw new IllegalConnectionException($"Unknown connection rule '{spec.Rule}'.");
        if (spec.MakeSymmetric)
            throw new BadPropertyException("make_symmetric", true, "false: third-factor connectivity cannot be used with make_symmetric");
        var rule = makeRule(spec);

        ulong callKey = CallKey(_kernel.Random.SeedKey);
        var primaryStage = Stage(sources, targets, spec, primary, callKey, rule, null);

        var (inPairs, outPairs) = ThirdFactorPairs(primaryStage.Context, rule, thirdRule, third.Length, RandomStream.Derive(callKey, ThirdFactorTag));
        var partSpec = new ConnSpec { Rule = thirdSpec.Rule };
        var inStage = Stage(sources, third, partSpec, thirdIn, RandomStream.Derive(callKey, ThirdInTag), new PairListRule(partSpec, inPairs), null);
        var outStage = Stage(third, targets, partSpec, thirdOut, RandomStream.Derive(callKey, ThirdOutTag), new PairListRule(partSpec, outPairs), null);
        // A stimulating device among the sources sends its primary and third_in connections through one synapse model.
        if (inPairs.Count > 0) CheckSingleSynapseModel(sources, [.. primaryStage.Plans, .. inStage.Plans]);

        Commit(primaryStage, null);
        Commit(inStage, null);
        Commit(outStage, null);
        ConnectCalls++;
        Version++;
        _kernel.Nodes.AssignThreadLocalIds();
    }

    /// <summary>
    /// The third_in pairs (source position, third position) and third_out pairs (third position, target position) of
    /// the primary connections <paramref name="rule"/> makes in <paramref name="context"/>. Every process lists all
    /// primary connections (the rule replayed for every thread slot) and decides them target by target, each target's
    /// connections ordered by source and drawn from the target's stream, so every process and every thread count
    /// decides the same; each process then builds the third-factor connections of its own targets.
    /// </summary>
    private (List<(int Source, int Target)> In, List<(int Source, int Target)> Out) ThirdFactorPairs(
        RuleContext context, ConnectionRule rule, ThirdFactorRule thirdRule, int thirdCount, ulong key)
    {
        var primary = new PairCollector(context.Targets.Length);
        for (int slot = 0; slot < _kernel.VirtualProcesses.Layout.Count; slot++) rule.Generate(context, slot, primary);
        var sourcesByTarget = primary.SourcesByTarget(out var first);

        var inPairs = new List<(int, int)>();
        var outPairs = new List<(int, int)>();
        var chosen = new int[16];
        for (int t = 0; t < context.Targets.Length; t++)
        {
            int n = first[t + 1] - first[t];
            if (n == 0) continue;
            var connections = sourcesByTarget.AsSpan(first[t], n);
            connections.Sort();
            var stream = new RandomStream(RandomStream.Derive(key, (ulong)context.Targets[t]));
            if (chosen.Length < n) chosen = new int[Math.Max(n, 2 * chosen.Length)];
            thirdRule.Choose(t, thirdCount, ref stream, chosen.AsSpan(0, n));
            for (int i = 0; i < n; i++)
            {
                if (chosen[i] < 0) continue;
                inPairs.Add((connections[i], chosen[i]));
                outPairs.Add((chosen[i], t));
            }
        }
        return (inPairs, outPairs);
    }

    /// <summary>Collects the (source, target) positions of a rule's connections, one thread slot after the other.</summary>
    private sealed class PairCollector(int targetCount) : ConnectionSink
    {
        private readonly List<(int Source, int Target)> _pairs = [];
        private readonly int[] _count = new int[targetCount];

        public override void Add(int sourceIndex, int targetIndex, int unitId, int ordinal, long arrayIndex)
        {
            _pairs.Add((sourceIndex, targetIndex));
            _count[targetIndex]++;
        }

        /// <summary>The sources of the connections grouped by target position; target t's are [first[t], first[t + 1]).</summary>
        public int[] SourcesByTarget(out int[] first)
        {
            first = new int[_count.Length + 1];
            for (int t = 0; t < _count.Length; t++) first[t + 1] = first[t] + _count[t];
            var next = first[..^1];
            var sources = new int[_pairs.Count];
            foreach (var (s, t) in _pairs) sources[next[t]++] = s;
            return sources;
        }
    }
}
