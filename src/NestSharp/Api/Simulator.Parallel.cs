namespace NestSharp;

/// <summary>What PyNEST answers about the distribution over processes: GetNodes (with local_only) and GetLocalVPs.</summary>
public sealed partial class Simulator
{
    /// <summary>
    /// The virtual processes this process runs (PyNEST's GetLocalVPs): rank, rank + processes, ... below
    /// total_num_virtual_procs, as NEST deals virtual processes out round-robin; the i-th is the one of thread i.
    /// </summary>
    public IReadOnlyList<int> GetLocalVPs()
    {
        int vps = _kernel.VirtualProcesses.Layout.Count, processes = NumProcesses;
        var local = new List<int>();
        for (int vp = Rank; vp < vps; vp += processes) local.Add(vp);
        return local;
    }

    /// <summary>
    /// The nodes whose status has every value of <paramref name="properties"/> (all nodes when null or empty), as one
    /// collection in the order of their ids (PyNEST's GetNodes). A node matches when its status has each key with an
    /// equal value (numbers compared as numbers, arrays element by element). With <paramref name="localOnly"/> only
    /// the nodes of this process (status <c>local</c>) are given, as NEST's <c>local_only</c>; otherwise those of every
    /// process (every process knows every node's status, so nothing is exchanged).
    /// </summary>
    public NodeCollection GetNodes(IReadOnlyDictionary<string, object>? properties = null, bool localOnly = false)
    {
        int size = NetworkSize;
        var ids = new int[size];
        for (int i = 0; i < size; i++) ids[i] = i + 1;
        var keep = new bool[size];
        Array.Fill(keep, true);
        if (localOnly) Keep(ids, keep, "local", true);
        if (properties is not null)
        {
            foreach (var (key, value) in properties) Keep(ids, keep, key, value);
        }
        var matching = new List<int>();
        for (int i = 0; i < size; i++)
        {
            if (keep[i]) matching.Add(ids[i]);
        }
        return Nodes([.. matching]);
    }

    /// <summary>Clears <paramref name="keep"/> where a node's <paramref name="key"/> is missing or differs from <paramref name="wanted"/>.</summary>
    private void Keep(int[] ids, bool[] keep, string key, object wanted)
    {
        if (ids.Length == 0) return;
        var values = new object?[ids.Length];
        _kernel.Nodes.ValuesOf(ids, key, values);
        for (int i = 0; i < ids.Length; i++)
        {
            if (keep[i] && !StatusValueEquals(values[i], wanted)) keep[i] = false;
        }
    }

    private static bool StatusValueEquals(object? value, object wanted)
    {
        switch (value)
        {
            case null:
                return false;
            case string s:
                return wanted is string w && string.Equals(s, w, StringComparison.Ordinal);
            case bool b:
                return wanted is bool v && b == v;
            case System.Collections.IEnumerable items:
                if (wanted is string || wanted is not System.Collections.IEnumerable other) return false;
                var left = items.Cast<object?>().ToList();
                var right = other.Cast<object?>().ToList();
                return left.Count == right.Count && left.Zip(right).All(p => p.First is not null && p.Second is not null && StatusValueEquals(p.First, p.Second));
            default:
                return wanted is not (string or bool or System.Collections.IEnumerable) && value is IConvertible && wanted is IConvertible
                    && Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture) == Convert.ToDouble(wanted, System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
