namespace NestSharp.Models.Neurons;

/// <summary>
/// The membrane of NEST's current-based integrate-and-fire models (the iaf_psc family), declared into a model's schema
/// once: C_m (pF), tau_m (ms), t_ref (ms), E_L, V_reset, V_th (mV), I_e (pA) with NEST's defaults and checks, and V_m
/// (mV), stored relative to E_L as NEST stores it (so that changing E_L keeps the absolute potential, and the arithmetic
/// matches NEST's). A model adds its synaptic time constants and currents itself.
/// </summary>
internal sealed class IafMembrane
{
    public const string AllTimeConstantsPositive = "all time constants must be strictly positive";

    public readonly Column Cm, TauM, TRef, EL, VReset, VTh, Ie;

    /// <summary>V_m, stored relative to E_L (NEST's y3).</summary>
    public readonly Column Vm;

    public IafMembrane(NeuronSchema schema)
    {
        Cm = schema.Parameter("C_m", 250.0, "pF", Requirement.Positive("capacitance must be strictly positive"));
        TauM = schema.Parameter("tau_m", 10.0, "ms", Requirement.Positive(AllTimeConstantsPositive));
        TRef = schema.Parameter("t_ref", 2.0, "ms", Requirement.NonNegative("refractory time cannot be negative"));
        EL = schema.Parameter("E_L", -70.0, "mV");
        VReset = schema.Parameter("V_reset", -70.0, "mV");
        VTh = schema.Parameter("V_th", -55.0, "mV");
        Ie = schema.Parameter("I_e", 0.0, "pA");
        Vm = schema.StateRelativeTo(EL, "V_m", -70.0, "mV");
    }

    /// <summary>NEST's check that the reset potential lies below the threshold, naming V_reset.</summary>
    public void Validate(in StatusRow row) =>
        row.Require(row[VReset] < row[VTh], VReset, $"reset potential must be smaller than threshold (V_th = {row[VTh]})");
}
