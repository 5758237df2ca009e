namespace NestSharp.Nodes;

/// <summary>
/// The distinct parameter rows of a neuron group, each with the propagators a model computes from it once per run.
/// Groups whose nodes share one row (the usual case) run a loop with scalar propagators; others look up each node's set.
/// </summary>
internal sealed class PropagatorSets<TPropagators> where TPropagators : struct
{
    public TPropagators[] Sets { get; private set; } = [];

    /// <summary>Index into <see cref="Sets"/> per node.</summary>
    public int[] SetOfNode { get; private set; } = [];

    public bool IsUniform => Sets.Length == 1;

    /// <summary>The sets and the set of each node, for a loop over nodes (<see cref="Selector.Of"/>).</summary>
    public Selector Select() => new(Sets, SetOfNode);

    /// <summary>Picks a node's set: the one set when every node shares it (no look-up), else the node's own.</summary>
    public readonly ref struct Selector(TPropagators[] sets, int[] setOfNode)
    {
        private readonly TPropagators[] _sets = sets;
        private readonly int[] _setOfNode = setOfNode;
        private readonly bool _uniform = sets.Length == 1;

        /// <summary>The set of the node at storage position <paramref name="node"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ref readonly TPropagators Of(int node) => ref _uniform ? ref _sets[0] : ref _sets[_setOfNode[node]];
    }

    /// <summary>Groups nodes by their values in <paramref name="parameterColumns"/> of <paramref name="columns"/> and computes each set once.</summary>
    public void Build(double[][] columns, Column[] parameterColumns, int count, Func<int, TPropagators> computeForNode)
    {
        var index = new Dictionary<RowKey, int>();
        var sets = new List<TPropagators>();
        var setOfNode = new int[count];
        var row = new double[parameterColumns.Length];
        for (int i = 0; i < count; i++)
        {
            for (int c = 0; c < row.Length; c++) row[c] = columns[parameterColumns[c].Index][i];
            var key = new RowKey(row);
            if (!index.TryGetValue(key, out int s))
            {
                s = sets.Count;
                index.Add(new RowKey((double[])row.Clone()), s);
                sets.Add(computeForNode(i));
            }
            setOfNode[i] = s;
        }
        Sets = sets.ToArray();
        SetOfNode = setOfNode;
    }

    private readonly struct RowKey(double[] values) : IEquatable<RowKey>
    {
        private readonly double[] _values = values;

        public bool Equals(RowKey other)
        {
            for (int i = 0; i < _values.Length; i++)
                if (BitConverter.DoubleToInt64Bits(_values[i]) != BitConverter.DoubleToInt64Bits(other._values[i])) return false;
            return true;
        }

        public override bool Equals(object? obj) => obj is RowKey k && Equals(k);

        public override int GetHashCode()
        {
            var h = new HashCode();
            foreach (var v in _values) h.Add(BitConverter.DoubleToInt64Bits(v));
            return h.ToHashCode();
        }
    }
}
