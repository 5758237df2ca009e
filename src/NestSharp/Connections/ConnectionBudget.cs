using System.Globalization;
using NestSharp.Kernel.Communication;
using NestSharp.Models.Synapses;

namespace NestSharp.Connections;

/// <summary>
/// The check, before anything is drawn or allocated, that a Connect call's connections fit in this process: the number
/// of connections the rule plans, times the bytes each takes in its synapse block, against the memory the process may
/// still use. A call too large for it fails at once (instead of overflowing a count or running out of memory after
/// minutes of drawing), naming the rule, the number of connections and the memory they need.
/// </summary>
internal static class ConnectionBudget
{
    /// <summary>The bytes every synapse takes whatever its model: target channel (int), weight (double), 16-bit delay.</summary>
    private const int BaseBytesPerConnection = sizeof(int) + sizeof(double) + sizeof(ushort);

    /// <summary>The bytes one synapse of <paramref name="model"/> takes in a block (its state columns included).</summary>
    public static long BytesPerConnection(SynapseModel model)
    {
        var layout = model.Type.Schema.Layout;
        return BaseBytesPerConnection + (sizeof(double) * layout.StateNames.Length) + (sizeof(int) * layout.IndexNames.Length);
    }

    /// <summary>
    /// Throws <see cref="KernelException"/> when <paramref name="connections"/> connections (of the whole call, over all
    /// processes) of <paramref name="bytesPerConnection"/> bytes each cannot be held: more memory than the process has
    /// left, or more synapses per thread than one block array can hold.
    /// </summary>
    /// <param name="rule">The conn_spec rule, for the message.</param>
    /// <param name="connections">The connections the call plans.</param>
    /// <param name="bytesPerConnection">Their mean size in bytes.</param>
    /// <param name="models">The synapse models, for the message.</param>
    /// <param name="layout">The virtual processes: this process builds its share of the connections.</param>
    public static void Check(string rule, double connections, double bytesPerConnection, string models, VirtualProcessLayout layout)
    {
        double local = connections * layout.ThreadsPerRank / layout.Count;
        double needed = local * bytesPerConnection;
        long available = AvailableBytes();
        double perThread = local / layout.ThreadsPerRank;
        if (needed <= available && perThread <= Array.MaxLength) return;
        var invariant = CultureInfo.InvariantCulture;
        string reason = needed > available
            ? string.Create(invariant, $"about {Format(needed)} of memory ({bytesPerConnection:0.#} bytes per connection of {models}), but only {Format(available)} are available")
            : string.Create(invariant, $"about {perThread:0} connections per thread, more than one synapse array can hold ({Array.MaxLength})");
        throw new KernelException(string.Create(invariant,
            $"Connect with rule '{rule}' would create {connections:0} connections, which needs {reason}. Nothing was connected."));
    }

    /// <summary>The memory the process may still allocate: what the runtime allows it in all, less what it holds now.</summary>
    private static long AvailableBytes()
    {
        long total = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return Math.Max(0, total - GC.GetTotalMemory(forceFullCollection: false));
    }

    private static string Format(double bytes)
    {
        var invariant = CultureInfo.InvariantCulture;
        if (bytes >= 1e12) return string.Create(invariant, $"{bytes / 1e12:0.0} TB");
        if (bytes >= 1e9) return string.Create(invariant, $"{bytes / 1e9:0.0} GB");
        return bytes >= 1e6 ? string.Create(invariant, $"{bytes / 1e6:0.0} MB") : string.Create(invariant, $"{bytes:0} bytes");
    }
}
