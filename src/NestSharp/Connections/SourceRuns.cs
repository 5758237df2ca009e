namespace NestSharp.Connections;

/// <summary>
/// State that the synapses of one source share while they are in step (the pre-synaptic trace K+ and the last spike
/// time of the _hom pair-STDP models), kept once per run of synapses instead of once per synapse. A run is a range of
/// consecutive synapses of one source in a block (never across sources) whose values are equal bit for bit; synapses
/// with equal values stay equal, since every synapse of a source sees every spike of it and the per-source update is
/// the same function of those values. A source usually has one run; a synapse made after its source spiked, or given
/// its own value (a Kplus in a syn_spec array, a Set on one connection), starts a run of its own, and adjacent runs
/// that become equal again are merged whenever the runs are rebuilt.
/// <para>Run r spans synapses <see cref="First"/>[r] .. <see cref="First"/>[r + 1] - 1; the runs of the block's source
/// s are <see cref="OfSource"/>[s - SourceMin] .. <see cref="OfSource"/>[s - SourceMin + 1] - 1.</para>
/// </summary>
internal sealed class SourceRuns
{
    private SourceRuns(int[] first, int[] ofSource, double[][] values)
    {
        First = first;
        OfSource = ofSource;
        Values = values;
    }

    /// <summary>The first synapse of every run, and the block's synapse count after the last.</summary>
    public int[] First { get; }

    /// <summary>The first run of every source of the block, and the run count after the last.</summary>
    public int[] OfSource { get; }

    /// <summary>The shared values, one array per shared column with one value per run.</summary>
    public double[][] Values { get; }

    /// <summary>The number of runs.</summary>
    public int Count => First.Length - 1;

    /// <summary>One run per source with synapses (<paramref name="offsets"/>: the block's), each holding <paramref name="values"/>.</summary>
    public static SourceRuns Uniform(int[] offsets, ReadOnlySpan<double> values)
    {
        var builder = new Builder(values.Length, offsets.Length - 1);
        for (int s = 0; s + 1 < offsets.Length; s++) builder.Append(s, offsets[s + 1] - offsets[s], values);
        return builder.Finish();
    }

    /// <summary>The runs of per-synapse values (one array per shared column) of a block with <paramref name="offsets"/>.</summary>
    public static SourceRuns FromSynapses(int[] offsets, double[][] perSynapse)
    {
        var builder = new Builder(perSynapse.Length, offsets.Length - 1);
        Span<double> values = stackalloc double[perSynapse.Length];
        for (int s = 0; s + 1 < offsets.Length; s++)
        {
            for (int i = offsets[s]; i < offsets[s + 1]; i++)
            {
                for (int c = 0; c < values.Length; c++) values[c] = perSynapse[c][i];
                builder.Append(s, 1, values);
            }
        }
        return builder.Finish();
    }

    /// <summary>Runs read back from a checkpoint; null if they do not tile the synapses of <paramref name="offsets"/> source by source.</summary>
    public static SourceRuns? FromSaved(int[] first, int[] ofSource, double[][] values, int[] offsets)
    {
        int runs = first.Length - 1;
        if (runs < 0 || ofSource.Length != offsets.Length || ofSource[0] != 0 || ofSource[^1] != runs) return null;
        foreach (var column in values)
            if (column.Length != runs) return null;
        for (int s = 0; s + 1 < offsets.Length; s++)
        {
            int a = ofSource[s], e = ofSource[s + 1];
            if (e < a) return null;
            if (e == a)
            {
                if (offsets[s + 1] != offsets[s]) return null;
                continue;
            }
            if (first[a] != offsets[s] || first[e] != offsets[s + 1]) return null;
            for (int r = a; r < e; r++)
                if (first[r + 1] <= first[r]) return null;
        }
        return new SourceRuns(first, ofSource, values);
    }

    /// <summary>The run that holds synapse <paramref name="synapse"/> (a binary search).</summary>
    public int RunOf(int synapse)
    {
        int lo = 0, hi = Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >> 1;
            if (First[mid] <= synapse) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    /// <summary>The value of shared column <paramref name="column"/> for synapse <paramref name="synapse"/>.</summary>
    public double ValueAt(int column, int synapse) => Values[column][RunOf(synapse)];

    /// <summary>Every synapse's values of the shared columns (one array per column), for an edit that rebuilds the runs.</summary>
    public double[][] Expand()
    {
        var perSynapse = new double[Values.Length][];
        int n = First[^1];
        for (int c = 0; c < Values.Length; c++)
        {
            var column = perSynapse[c] = new double[n];
            for (int r = 0; r < Count; r++) column.AsSpan(First[r], First[r + 1] - First[r]).Fill(Values[c][r]);
        }
        return perSynapse;
    }

    /// <summary>
    /// Builds runs from synapses given in block order (sources ascending): a synapse or a range of synapses whose
    /// values equal, bit for bit, those of the last run of the same source extends it.
    /// </summary>
    public sealed class Builder
    {
        private readonly int _sourceCount;
        private readonly List<double>[] _values;
        private readonly List<int> _first = [];
        private readonly List<int> _sourceOfRun = [];
        private int _count;

        /// <summary>A builder of runs of <paramref name="columns"/> shared columns for a block of <paramref name="sourceCount"/> sources.</summary>
        public Builder(int columns, int sourceCount)
        {
            _sourceCount = sourceCount;
            _values = new List<double>[columns];
            for (int c = 0; c < columns; c++) _values[c] = [];
        }

        /// <summary>Appends <paramref name="count"/> synapses of source index <paramref name="source"/> holding <paramref name="values"/>.</summary>
        public void Append(int source, int count, ReadOnlySpan<double> values)
        {
            if (count == 0) return;
            int last = _first.Count - 1;
            if (last < 0 || _sourceOfRun[last] != source || !EqualToRun(last, values))
            {
                _first.Add(_count);
                _sourceOfRun.Add(source);
                for (int c = 0; c < _values.Length; c++) _values[c].Add(values[c]);
            }
            _count += count;
        }

        private bool EqualToRun(int run, ReadOnlySpan<double> values)
        {
            for (int c = 0; c < _values.Length; c++)
                if (BitConverter.DoubleToInt64Bits(_values[c][run]) != BitConverter.DoubleToInt64Bits(values[c])) return false;
            return true;
        }

        /// <summary>The runs of the synapses appended.</summary>
        public SourceRuns Finish()
        {
            int runs = _first.Count;
            var first = new int[runs + 1];
            _first.CopyTo(first);
            first[runs] = _count;
            var ofSource = new int[_sourceCount + 1];
            for (int s = 0, r = 0; s <= _sourceCount; s++)
            {
                while (r < runs && _sourceOfRun[r] < s) r++;
                ofSource[s] = r;
            }
            var values = new double[_values.Length][];
            for (int c = 0; c < values.Length; c++) values[c] = [.. _values[c]];
            return new SourceRuns(first, ofSource, values);
        }
    }
}
