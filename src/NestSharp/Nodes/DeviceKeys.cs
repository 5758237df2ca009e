namespace NestSharp.Nodes;

/// <summary>The status keys of a device model: how each is shown, set and checked.</summary>
internal interface IDeviceKeys
{
    /// <summary>The keys Set accepts.</summary>
    IReadOnlyCollection<string> Settable { get; }

    /// <summary>Whether <paramref name="key"/> takes an array as one value.</summary>
    bool TakesArray(string key);

    /// <summary>
    /// Sets one key of <paramref name="node"/> (a staged clone), checking the value against what it must satisfy (the
    /// time grid and the kernel's progress are in <paramref name="context"/>); the caller checked the key is settable.
    /// </summary>
    void Apply(DeviceNode node, string key, object value, StatusContext context);

    /// <summary>Writes every key of <paramref name="node"/> into <paramref name="status"/>.</summary>
    void Write(DeviceNode node, Dictionary<string, object> status);
}

/// <summary>
/// The declaration of a device model's status keys, one line each: name, how to read it, how to set it (absent for a
/// read-only key) and what a value must satisfy. Built once per model class from the keys of its base
/// (<see cref="DeviceNode.CommonKeys{TNode}"/>, <see cref="RecorderNode.RecorderKeys{TNode}"/>).
/// </summary>
internal sealed class DeviceKeys<TNode> : IDeviceKeys where TNode : DeviceNode
{
    private sealed record Key(Func<TNode, object> Read, Action<TNode, string, object, StatusContext>? Set, bool IsArray);

    private readonly Dictionary<string, Key> _keys = new(StringComparer.Ordinal);
    private readonly List<string> _settable = [];

    public IReadOnlyCollection<string> Settable => _settable;

    public bool TakesArray(string key) => _keys.TryGetValue(key, out var k) && k.IsArray;

    public void Apply(DeviceNode node, string key, object value, StatusContext context) => _keys[key].Set!((TNode)node, key, value, context);

    public void Write(DeviceNode node, Dictionary<string, object> status)
    {
        foreach (var (name, key) in _keys) status[name] = key.Read((TNode)node);
    }

    /// <summary>A real number (a requirement, when given, is checked as the value is set).</summary>
    public DeviceKeys<TNode> Real(string name, Func<TNode, double> read, Action<TNode, double> set, Requirement? requirement = null) =>
        Add(name, n => read(n), (n, key, value, _) =>
        {
            double v = StatusValue.ToDouble(key, value);
            if (requirement is { } r && !r.Holds(v)) throw new BadPropertyException(key, v, r.Allowed);
            set(n, v);
        }, false);

    /// <summary>
    /// A time in ms on the grid of the resolution, as NEST's device times (start, stop, origin): a finite value must be
    /// a multiple of the resolution; an infinite one (or one beyond what the grid counts, such as the 1.8e308 the
    /// status shows for +infinity) is allowed when <paramref name="infiniteAllowed"/> and kept as ±double.MaxValue,
    /// which is how NEST shows it. NaN is rejected.
    /// </summary>
    public DeviceKeys<TNode> GridTime(string name, Func<TNode, double> read, Action<TNode, double> set, bool infiniteAllowed) =>
        Add(name, n => read(n), (n, key, value, context) =>
        {
            double v = StatusValue.ToDouble(key, value);
            if (double.IsNaN(v)) throw new BadPropertyException(key, v, $"{key} must be a number (a time in ms)");
            if (DeviceNode.IsInfiniteTime(v, context.Time))
            {
                if (!infiniteAllowed) throw new BadPropertyException(key, v, $"{key} must be finite");
                set(n, v > 0 ? double.MaxValue : -double.MaxValue);
                return;
            }
            // NEST refuses every negative finite time here (its grid check fails for them).
            if (v < 0) throw new BadPropertyException(key, v, $"{key} must not be negative");
            if (context.Time.MsToTics(v) % context.Time.TicsPerStep != 0)
                throw new BadPropertyException(key, v, $"{key} must be a multiple of the simulation resolution ({StatusValue.Format(context.Time.Resolution)} ms)");
            set(n, v);
        }, false);

    public DeviceKeys<TNode> Integer(string name, Func<TNode, long> read, Action<TNode, long> set) =>
        Add(name, n => read(n), (n, key, value, _) => set(n, StatusValue.ToLong(key, value)), false);

    public DeviceKeys<TNode> Boolean(string name, Func<TNode, bool> read, Action<TNode, bool> set) =>
        Add(name, n => read(n), (n, key, value, _) => set(n, StatusValue.ToBool(key, value)), false);

    public DeviceKeys<TNode> Text(string name, Func<TNode, string> read, Action<TNode, string> set) =>
        Add(name, read, (n, key, value, _) => set(n, StatusValue.ToStringValue(key, value)), false);

    public DeviceKeys<TNode> Reals(string name, Func<TNode, double[]> read, Action<TNode, double[]> set) =>
        Add(name, n => read(n).ToArray(), (n, key, value, _) => set(n, StatusValue.ToDoubleArray(key, value)), true);

    public DeviceKeys<TNode> Integers(string name, Func<TNode, long[]> read, Action<TNode, long[]> set) =>
        Add(name, n => read(n).ToArray(), (n, key, value, _) => set(n, StatusValue.ToLongArray(key, value)), true);

    public DeviceKeys<TNode> Texts(string name, Func<TNode, string[]> read, Action<TNode, string[]> set) =>
        Add(name, n => read(n).ToArray(), (n, key, value, _) => set(n, StatusValue.ToStringArray(key, value)), true);

    /// <summary>A key with its own conversion (the setter receives the raw value).</summary>
    public DeviceKeys<TNode> Custom(string name, Func<TNode, object> read, Action<TNode, string, object> set, bool isArray = false) =>
        Add(name, read, (n, key, value, _) => set(n, key, value), isArray);

    /// <summary>A key with its own conversion whose checks need the time grid or the kernel's progress.</summary>
    public DeviceKeys<TNode> Custom(string name, Func<TNode, object> read, Action<TNode, string, object, StatusContext> set, bool isArray = false) =>
        Add(name, read, set, isArray);

    /// <summary>A key the status shows but Set refuses as read-only.</summary>
    public DeviceKeys<TNode> ReadOnly(string name, Func<TNode, object> read) => Add(name, read, null, false);

    /// <summary>Declares a key; declaring a key of the base again replaces it (a model adding to what setting it does).</summary>
    private DeviceKeys<TNode> Add(string name, Func<TNode, object> read, Action<TNode, string, object, StatusContext>? set, bool isArray)
    {
        _keys[name] = new Key(read, set, isArray);
        _settable.Remove(name);
        if (set is not null) _settable.Add(name);
        return this;
    }
}
