using HhPscAlphaRow = NestSharp.Models.Neurons.HhAlphaCurrentRow<NestSharp.Models.Neurons.HhPscAlpha.Dynamics, NestSharp.Models.Neurons.HhPscAlpha.Layout>;

namespace NestSharp.Models.Neurons;

/// <summary>
/// What hh_psc_alpha and hh_psc_alpha_clopath share, declared into a model's schema once: the parameters t_ref (ms),
/// g_Na, g_K, g_L (nS), C_m (pF), E_Na, E_K, E_L (mV), tau_syn_ex, tau_syn_in (ms) and I_e (pA) with NEST's defaults and
/// checks; the states V_m, Act_m, Inact_h, Act_n (<see cref="HhGates"/>, a new neuron at -65 mV with its gates at their
/// steady state there, whatever E_L is); the alpha-shaped synaptic currents I_syn_ex, I_syn_in and their derivatives
/// (recordable, not in the status); the refractory count; the inputs spikes_ex, spikes_in (a weight of zero is
/// inhibitory) and currents of receptor 0. It builds the constants of a parameter row (<see cref="HhAlphaCurrentRow{TDynamics, TLayout}"/>,
/// which also adds the spikes of a step to the synaptic currents, as both models do after the integration).
/// </summary>
internal sealed class HhPscAlphaMembrane
{
    private const string TimeConstantsPositive = "all time constants must be strictly positive";
    private const string ConductancesNonNegative = "all conductances must be non-negative";

    /// <summary>The potential at which a new neuron starts (mV), with its gates at their steady state there.</summary>
    public const double InitialPotential = -65.0;

    public readonly Column TRef, GNa, GK, GL, Cm, ENa, EK, EL, TauSynEx, TauSynIn, Ie;

    /// <summary>V_m, Act_m, Inact_h, Act_n.</summary>
    public readonly HhGates Gates;

    /// <summary>The synaptic currents and their derivatives: recordable (the currents), not in the status.</summary>
    public readonly Column DISynEx, ISynEx, DISynIn, ISynIn;

    /// <summary>Refractory steps remaining (NEST's r_).</summary>
    public readonly Column RefractorySteps;

    /// <summary>spikes_ex, spikes_in and currents (receptor 0).</summary>
    public readonly SignedSpikeAndCurrentInputs Inputs;

    /// <param name="schema">The model's schema.</param>
    public HhPscAlphaMembrane(NeuronSchema schema)
    {
        TRef = schema.Parameter("t_ref", 2.0, "ms", Requirement.NonNegative("refractory time cannot be negative"));
        GNa = schema.Parameter("g_Na", 12000.0, "nS", Requirement.NonNegative(ConductancesNonNegative));
        GK = schema.Parameter("g_K", 3600.0, "nS", Requirement.NonNegative(ConductancesNonNegative));
        GL = schema.Parameter("g_L", 30.0, "nS", Requirement.NonNegative(ConductancesNonNegative));
        Cm = schema.Parameter("C_m", 100.0, "pF", Requirement.Positive("capacitance must be strictly positive"));
        ENa = schema.Parameter("E_Na", 50.0, "mV");
        EK = schema.Parameter("E_K", -77.0, "mV");
        EL = schema.Parameter("E_L", -54.402, "mV");
        TauSynEx = schema.Parameter("tau_syn_ex", 0.2, "ms", Requirement.Positive(TimeConstantsPositive));
        TauSynIn = schema.Parameter("tau_syn_in", 2.0, "ms", Requirement.Positive(TimeConstantsPositive));
        Ie = schema.Parameter("I_e", 0.0, "pA");
        Gates = new HhGates(schema, InitialPotential, HhPscAlpha.Rates.At(InitialPotential));
        DISynEx = schema.Internal("dI_syn_ex");
        ISynEx = schema.Internal("I_syn_ex");
        DISynIn = schema.Internal("dI_syn_in");
        ISynIn = schema.Internal("I_syn_in");
        RefractorySteps = schema.Internal("refractory_steps");
        Inputs = new SignedSpikeAndCurrentInputs(schema, SpikeRouting.BySignZeroInhibitory);
    }

    /// <summary>NEST's recordables of hh_psc_alpha, in its order: V_m, I_syn_ex, I_syn_in, Act_m, Inact_h, Act_n.</summary>
    public void DeclareRecordables(NeuronSchema schema) =>
        schema.Recordable(Gates.Vm, ISynEx, ISynIn, Gates.ActM, Gates.InactH, Gates.ActN);

    /// <summary>
    /// The constants of node <paramref name="i"/>'s parameter row, read through <paramref name="column"/>: the channels,
    /// the synaptic time constants, the jumps of dI_ex and dI_in per unit weight (e/tau_syn) and t_ref in steps.
    /// </summary>
    public HhPscAlphaRow ConstantsOf(Func<Column, double[]> column, int i, TimeGrid time) => new()
    {
        Dynamics = new HhPscAlpha.Dynamics
        {
            Channels = new HhChannels
            {
                GNa = column(GNa)[i], GK = column(GK)[i], GL = column(GL)[i], Cm = column(Cm)[i],
                ENa = column(ENa)[i], EK = column(EK)[i], EL = column(EL)[i], Ie = column(Ie)[i],
            },
            TauSynEx = column(TauSynEx)[i], TauSynIn = column(TauSynIn)[i],
        },
        JumpEx = Math.E / column(TauSynEx)[i],
        JumpIn = Math.E / column(TauSynIn)[i],
        RefractorySteps = time.MsToStepsCeil(column(TRef)[i]),
    };
}
