using NestSharp.Nodes;

namespace NestSharp.Models.Neurons;

/// <summary>
/// What the current-based integrate-and-fire models share: the membrane potential is stored relative to E_L (as NEST
/// stores it, so that changing E_L keeps the absolute potentials and the arithmetic matches NEST's), and the checks
/// of the membrane, synapse and plasticity time constants.
/// </summary>
internal abstract class CurrentBasedIafGroup : NeuronGroup
{
    private readonly int _vm, _el;

    protected CurrentBasedIafGroup(NodeModel model, int firstId, int count, ColumnSchema schema) : base(model, firstId, count, schema)
    {
        _vm = schema.IndexOf("V_m");
        _el = schema.IndexOf("E_L");
        Array.Fill(Columns[_vm], schema.Defaults[_vm] - schema.Defaults[_el]);
    }

    /// <summary>V_m in mV (absolute) of node <paramref name="local"/>.</summary>
    protected double AbsolutePotential(int local) => Columns[_vm][local] + Columns[_el][local];

    protected override double ToUser(int column, int local) => column == _vm ? AbsolutePotential(local) : Columns[column][local];

    protected override void StoreRow(int local, ReadOnlySpan<double> row, ReadOnlySpan<double> previous)
    {
        base.StoreRow(local, row, previous);
        Columns[_vm][local] = row[_vm] - row[_el];
    }

    /// <summary>NEST's checks common to iaf_psc_* models; each names the key it rejects.</summary>
    protected void ValidateCommon(ReadOnlySpan<double> row)
    {
        double[] values = row.ToArray();
        double Get(string key) => values[Schema.IndexOf(key)];
        Require(Get("C_m") > 0, "C_m", Get("C_m"), "capacitance must be strictly positive");
        foreach (string key in (ReadOnlySpan<string>)["tau_m", "tau_syn_ex", "tau_syn_in"])
            Require(Get(key) > 0, key, Get(key), "all time constants must be strictly positive");
        Require(Get("t_ref") >= 0, "t_ref", Get("t_ref"), "refractory time cannot be negative");
        Require(Get("V_reset") < Get("V_th"), "V_reset", Get("V_reset"), $"reset potential must be smaller than threshold (V_th = {Get("V_th")})");
    }

    protected override void WriteExtraStatus(int local, Dictionary<string, object> status) => status["element_type"] = "neuron";
}
