namespace NestSharp.Connections;

/// <summary>
/// What happened to the synapse storage since synapse collections were made, so that a collection still finds its
/// connections: a synapse removed from the delivery block of a (virtual process, model), or that block merged with
/// new synapses (a source's earlier synapses keep their order, at the start of its new range). A collection applies
/// the edits made since it was made (or last caught up) to its own rows when it is read. Nothing is kept while no
/// collection is alive, and edits every live collection has applied are dropped.
/// </summary>
internal sealed class ConnectionEdits
{
    private readonly List<Edit> _log = [];
    private readonly List<WeakReference<ConnectionTable>> _tables = [];
    private long _logStart;
    private int _sinceCleanup;

    /// <summary>The number of edits so far (a table that has applied this many is up to date).</summary>
    public long Sequence { get; private set; }

    /// <summary>One edit of the delivery block of virtual process <see cref="Vp"/> and model <see cref="Model"/>.</summary>
    public abstract record Edit(int Vp, int Model);

    /// <summary>Synapse <see cref="Index"/> was removed: later ones moved one down.</summary>
    public sealed record Removal(int Vp, int Model, int Index) : Edit(Vp, Model);

    /// <summary>The block (first source <see cref="OldSourceMin"/>, offsets <see cref="OldOffsets"/>) was merged into one with <see cref="NewSourceMin"/>, <see cref="NewOffsets"/>.</summary>
    public sealed record Merge(int Vp, int Model, int OldSourceMin, int[] OldOffsets, int NewSourceMin, int[] NewOffsets) : Edit(Vp, Model);

    /// <summary>A new table follows the edits from now on.</summary>
    public void Track(ConnectionTable table)
    {
        table.AppliedEdits = Sequence;
        _tables.Add(new WeakReference<ConnectionTable>(table));
    }

    /// <summary>Records an edit (or only counts it, while no table is alive).</summary>
    public void Add(Edit edit)
    {
        Sequence++;
        if (++_sinceCleanup >= 64) Cleanup();
        if (_tables.Count == 0)
        {
            _log.Clear();
            _logStart = Sequence;
            return;
        }
        _log.Add(edit);
    }

    /// <summary>Brings <paramref name="table"/> up to date: applies to its rows the edits it has not applied yet.</summary>
    public void CatchUp(ConnectionTable table)
    {
        if (table.AppliedEdits == Sequence) return;
        if (table.AppliedEdits < _logStart)
            throw new InvalidOperationException("a synapse collection missed edits of the connections it refers to");
        for (long k = table.AppliedEdits - _logStart; k < _log.Count; k++) table.Apply(_log[(int)k]);
        table.AppliedEdits = Sequence;
    }

    /// <summary>Forgets dead tables and the edits every live table has applied.</summary>
    private void Cleanup()
    {
        _sinceCleanup = 0;
        long oldest = Sequence;
        _tables.RemoveAll(w => !w.TryGetTarget(out _));
        foreach (var w in _tables)
            if (w.TryGetTarget(out var t)) oldest = Math.Min(oldest, t.AppliedEdits);
        int drop = (int)Math.Clamp(oldest - _logStart, 0, _log.Count);
        _log.RemoveRange(0, drop);
        _logStart += drop;
    }
}
