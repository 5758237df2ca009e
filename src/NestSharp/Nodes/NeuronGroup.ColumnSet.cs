namespace NestSharp.Nodes;

/// <summary>
/// Setting a few columns of many nodes at once (<c>nodes.Set("V_m", values)</c> on a million neurons): the checks of
/// <see cref="Stage"/>, node by node and in the same order, without a dictionary, a row and a commit per node; the new
/// values are kept per column and written by one commit.
/// </summary>
internal abstract partial class NeuronGroup
{
    /// <summary>Whether the model's class leaves <see cref="Stage"/> as this base defines it (decided once per group).</summary>
    private bool? _stagesOnlyByRow;

    /// <summary>
    /// Whether <see cref="StageColumns"/> can set <paramref name="keys"/>: every key is a column shown at the top level of
    /// the status (not an array, a compartment or a key the kernel handles, such as frozen) that the state outside the
    /// columns does not check (<see cref="IStateOutsideColumns.Checks"/>), and the model does not override
    /// <see cref="Stage"/> (such models add to a Set, as iaf_psc_delta restarting its count-down).
    /// </summary>
    public bool CanStageColumns(IReadOnlyList<NodeKeyValues> keys)
    {
        _stagesOnlyByRow ??= GetType().GetMethod(nameof(Stage), [typeof(int), typeof(IReadOnlyDictionary<string, object>), typeof(StatusContext)])!
            .DeclaringType == typeof(NeuronGroup);
        if (!_stagesOnlyByRow.Value) return false;
        foreach (var key in keys)
        {
            if (!IsTopLevelColumn(key.Key) || _outside?.Checks(key.Key) == true) return false;
        }
        return true;
    }

    private bool IsTopLevelColumn(string key) =>
        Schema.TryFind(key, out var column) && Schema[column].InStatus && !Schema.ReadOnlyKeys.Contains(key)
        && !key.Contains(NeuronSchema.CompartmentSeparator, StringComparison.Ordinal);

    /// <summary>
    /// Checks <paramref name="keys"/> (all columns, see <see cref="CanStageColumns"/>) for the nodes
    /// <paramref name="locals"/>, whose values are those at index <paramref name="firstIndex"/> onwards of each key, as
    /// <see cref="Stage"/> would node by node: the values of all keys (drawing random ones), each key's conversion in
    /// the order given, every entry's requirement, the array elements and the model's <see cref="Validate"/>. The first
    /// failing node fails the call; the returned commit stores the checked values as Stage's commit does, touching only
    /// the columns that can change.
    /// </summary>
    public Action StageColumns(int[] locals, int firstIndex, IReadOnlyList<NodeKeyValues> keys)
    {
        int n = locals.Length, m = keys.Count;
        var columns = new int[m];
        var entries = new SchemaEntry[m];
        var staged = new double[m][];
        var same = new double[m];
        var sameKnown = new bool[m];
        for (int k = 0; k < m; k++)
        {
            Schema.TryFind(keys[k].Key, out var column);
            columns[k] = column.Index;
            entries[k] = Schema[column];
            staged[k] = new double[n];
        }
        var positions = new int[n];
        var row = new double[Schema.Count];
        var arrays = new double[_arrays.Length][];
        var given = new object?[m];
        for (int i = 0; i < n; i++)
        {
            int position = PositionOf(locals[i]);
            positions[i] = position;
            int index = firstIndex + i;
            // As Stage is given them: every key's value of the node first (random ones drawn), then each converted.
            for (int k = 0; k < m; k++)
            {
                var values = keys[k];
                bool direct = (values.IsSame && sameKnown[k]) || (values.Doubles is not null && entries[k].Type == EntryType.Real);
                given[k] = direct ? null : values.At(index);
            }
            FillRow(position, row);
            for (int k = 0; k < m; k++)
            {
                var values = keys[k];
                double value;
                if (values.IsSame && sameKnown[k])
                {
                    value = same[k];
                }
                else if (values.Doubles is { } doubles && entries[k].Type == EntryType.Real)
                {
                    value = doubles[index];
                    if (double.IsNaN(value)) throw new BadPropertyException(values.Key, value, "must be a number, not NaN");
                }
                else
                {
                    value = Convert(values.Key, entries[k], given[k]);
                    if (values.IsSame) (same[k], sameKnown[k]) = (value, true);
                }
                row[columns[k]] = value;
                staged[k][i] = value;
            }
            for (int a = 0; a < arrays.Length; a++) arrays[a] = _arrays[a][position];
            CheckRow(position, row, arrays, setArrays: 0);
        }
        // What the commit stores: the keys' columns and those kept relative to one of them (as V_m to E_L), reading
        // the current values of those and of their references.
        var stored = new List<int>();
        var read = new HashSet<int>();
        foreach (int c in _statusColumns)
        {
            if (Array.IndexOf(columns, c) < 0 && (_relativeTo[c] < 0 || Array.IndexOf(columns, _relativeTo[c]) < 0)) continue;
            stored.Add(c);
            read.Add(c);
            if (_relativeTo[c] >= 0) read.Add(_relativeTo[c]);
        }
        int[] storedColumns = [.. stored], readColumns = [.. read];
        return () =>
        {
            var unchanged = new bool[storedColumns.Length];
            for (int i = 0; i < n; i++)
            {
                int position = positions[i];
                foreach (int c in readColumns) row[c] = ToUser(c, position);
                for (int k = 0; k < m; k++) row[columns[k]] = staged[k][i];
                StoreRow(position, row, storedColumns, unchanged);
            }
        };
    }
}
