namespace NestSharp.Plotting;

/// <summary>
/// Membrane potential traces, the counterpart of NEST's <c>nest.voltage_trace.from_device</c>: one line per recorded
/// neuron, labelled "Neuron id".
/// </summary>
public static class VoltageTrace
{
    /// <summary>
    /// The V_m traces a voltmeter, or a multimeter recording V_m, holds in memory (<c>record_to: "memory"</c>): one panel,
    /// a line per sender in ascending id order. The result can take further panels before it is saved.
    /// </summary>
    /// <param name="device">One voltmeter or multimeter.</param>
    /// <param name="title">Figure title; null gives NEST's "Membrane potential".</param>
    public static LinePlot FromDevice(NodeCollection device, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (device.Count != 1)
        {
            throw new ArgumentException($"Expected one voltmeter or multimeter, got {device.Count} nodes.", nameof(device));
        }

        string recordTo = (string)device.Get("record_to");
        if (recordTo != "memory")
        {
            throw new ArgumentException($"Cannot read the traces of a device with record_to '{recordTo}'; use 'memory'.", nameof(device));
        }

        var events = (Dictionary<string, object>)device.Get("events");
        if (!events.TryGetValue("V_m", out object? recorded))
        {
            throw new ArgumentException("Expected a voltmeter or a multimeter recording V_m.", nameof(device));
        }

        if (events["times"] is not double[] times)
        {
            throw new ArgumentException("The device records times in steps (time_in_steps); voltage traces need times in ms.", nameof(device));
        }

        var senders = (long[])events["senders"];
        var potentials = (double[])recorded;
        if (times.Length == 0)
        {
            throw new ArgumentException("No events recorded.", nameof(device));
        }

        var plot = new LinePlot(new LinePlotOptions { Title = title ?? "Membrane potential", XTitle = "Time (ms)" });
        LinePanel panel = plot.AddPanel("Membrane potential (mV)");
        foreach (long sender in senders.Distinct().Order())
        {
            var x = new List<double>();
            var y = new List<double>();
            for (int i = 0; i < senders.Length; i++)
            {
                if (senders[i] == sender)
                {
                    x.Add(times[i]);
                    y.Add(potentials[i]);
                }
            }

            panel.AddSeries($"Neuron {sender}", x.ToArray(), y.ToArray());
        }

        return plot;
    }
}
