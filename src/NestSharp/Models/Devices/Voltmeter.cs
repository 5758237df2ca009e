namespace NestSharp.Models.Devices;

/// <summary>
/// voltmeter: a <see cref="Multimeter"/> preset to record the membrane potential: <c>record_from</c> starts as
/// ["V_m"] (and can be changed before the device is connected, as NEST's voltmeter allows). Everything else is the
/// multimeter's: <c>interval</c> (default 1 ms), <c>offset</c>, <c>start</c>, <c>stop</c>, <c>origin</c>,
/// <c>record_to</c>, <c>label</c>, <c>time_in_steps</c>, and the status <c>events</c> {<c>senders</c>, <c>times</c>,
/// <c>V_m</c>} and <c>n_events</c>.
/// <para>Reference: NEST model documentation, multimeter (voltmeter is registered there as its preset).</para>
/// </summary>
[NodeModelName("voltmeter")]
internal sealed class Voltmeter(NodeModel model, int firstId, int count)
    : RecorderGroup<Multimeter.Node>(model, firstId, count, () => Multimeter.Node.RecordingFrom("V_m"))
{
    /// <summary>As NEST: its events may reach binary neurons as well as spiking ones.</summary>
    public override SignalType SendsSignal => SignalType.All;

    public override bool SupportsCheckpoint => RecordingsSupportCheckpoint;
}
