namespace NestSharp.Connections.Rules;

/// <summary>
/// The connections of a given list of (source, target) pairs, as positions in the context's sources and targets
/// (TripartiteConnect's third_in and third_out connections, decided from the primary ones). The pairs are kept sorted
/// by target, then source; a pair's random parameters are those of its target (the drawing unit) and its place among
/// that target's pairs, so they do not depend on the number of threads. Not a rule users name.
/// </summary>
internal sealed class PairListRule : ConnectionRule
{
    private readonly int[] _sources;
    private readonly int[] _targets;
    private readonly int[] _ordinals;

    /// <param name="spec">The conn_spec the connections are reported under (no parameters).</param>
    /// <param name="pairs">The (source position, target position) pairs; one connection each, repeats included.</param>
    public PairListRule(ConnSpec spec, List<(int Source, int Target)> pairs) : base(spec)
    {
        var keys = new long[pairs.Count];
        for (int i = 0; i < keys.Length; i++) keys[i] = ((long)pairs[i].Target << 32) | (uint)pairs[i].Source;
        Array.Sort(keys);
        _sources = new int[keys.Length];
        _targets = new int[keys.Length];
        _ordinals = new int[keys.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            _targets[i] = (int)(keys[i] >> 32);
            _sources[i] = (int)(uint)keys[i];
            _ordinals[i] = i > 0 && _targets[i - 1] == _targets[i] ? _ordinals[i - 1] + 1 : 0;
        }
    }

    /// <summary>How many connections the list holds.</summary>
    public int Count => _targets.Length;

    public override ArrayShape? ArrayShape(RuleContext context) => null;

    public override bool RequiresProxies => false;

    public override double PlannedConnections(RuleContext context) => _targets.Length;

    public override void Generate(RuleContext context, int thread, ConnectionSink sink)
    {
        var owner = context.TargetOwner;
        for (int i = 0; i < _targets.Length; i++)
        {
            int t = _targets[i];
            if (owner[t] == thread) sink.Add(_sources[i], t, context.Targets[t], _ordinals[i], -1);
        }
    }
}
