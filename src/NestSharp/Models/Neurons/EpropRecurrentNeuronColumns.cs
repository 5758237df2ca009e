namespace NestSharp.Models.Neurons;

/// <summary>
/// The columns every recurrent e-prop neuron declares, in both families (eprop_iaf, eprop_iaf_adapt,
/// eprop_iaf_psc_delta(_adapt): <see cref="EpropRecurrentGroup.FamilyColumns"/>; eprop_iaf(_adapt)_bsshslm_2020:
/// <see cref="EpropRecurrentColumns"/>), with NEST's defaults and checks, and their inputs (spikes and currents on
/// receptor 0). V_th, V_min and V_m are kept relative to E_L, as NEST keeps them; f_target is kept in spikes/ms (the
/// models divide a value set in spikes/s by 1000; the status shows the kept value, as NEST's does).
/// </summary>
internal abstract class EpropRecurrentNeuronColumns
{
    public readonly Column Cm, CReg, EL, FTarget, Ie, SurrogateGradientHeight, SurrogateGradientWidth, TRef, TauM, VMin, VTh, FlushEventSendInterval;

    /// <summary>State: V_m (relative to E_L), the surrogate gradient and the learning signal of the last step (read only).</summary>
    public readonly Column Vm, SurrogateGradient, LearningSignal;

    /// <summary>Hidden: the input current of the next step, the spike state z, the surrogate function's number, the step
    /// of the last spike or flush event (0: none yet), the steps to the next forced spike (-1: to be started).</summary>
    public readonly Column IIn, Z, SurrogateGradientFunctionNumber, LastEventTime, StepsToForcedSpike;

    /// <summary>The spike and current inputs of receptor 0.</summary>
    public readonly SpikeAndCurrentInputs Inputs;

    /// <param name="schema">The model's schema.</param>
    protected EpropRecurrentNeuronColumns(NeuronSchema schema)
    {
        Cm = schema.Parameter("C_m", 250.0, "pF", Requirement.Positive("C_m > 0 required"));
        CReg = schema.Parameter("c_reg", 0.0, "", Requirement.NonNegative("c_reg ≥ 0 required"));
        EL = schema.Parameter("E_L", -70.0, "mV");
        FTarget = schema.Parameter("f_target", 0.01, "spikes/ms", Requirement.NonNegative("f_target ≥ 0 required"));
        Ie = schema.Parameter("I_e", 0.0, "pA");
        SurrogateGradientHeight = schema.Parameter("surrogate_gradient_height", 0.3, "", Requirement.Positive("surrogate_gradient_height > 0 required"));
        SurrogateGradientWidth = schema.Parameter("surrogate_gradient_width", 1.0, "", Requirement.Positive("surrogate_gradient_width > 0 required"));
        TRef = schema.Parameter("t_ref", 2.0, "ms", Requirement.NonNegative("t_ref ≥ 0 required"));
        TauM = schema.Parameter("tau_m", 10.0, "ms", Requirement.Positive("tau_m > 0 required"));
        VMin = schema.ParameterRelativeTo(EL, "V_min", -double.MaxValue, "mV");
        VTh = schema.ParameterRelativeTo(EL, "V_th", -55.0, "mV");
        FlushEventSendInterval = schema.Parameter("flush_event_send_interval", double.PositiveInfinity, "ms",
            Requirement.Positive("flush_event_send_interval > 0 required"));
        Vm = schema.StateRelativeTo(EL, "V_m", -70.0, "mV");
        SurrogateGradient = schema.State("surrogate_gradient", 0.0, "");
        LearningSignal = schema.State("learning_signal", 0.0, "pA");
        schema.ReadOnly(SurrogateGradient, LearningSignal);
        IIn = schema.Internal("i_in");
        Z = schema.Internal("z");
        SurrogateGradientFunctionNumber = schema.Internal("surrogate_gradient_function_number", EpropSurrogateGradients.PiecewiseLinearNumber);
        LastEventTime = schema.Internal("last_event_time");
        StepsToForcedSpike = schema.Internal("steps_to_forced_spike", -1.0);
        Inputs = new SpikeAndCurrentInputs(schema);
    }

    /// <summary>NEST's cross-check of the recurrent models: V_th ≥ V_min.</summary>
    public void Validate(in StatusRow row) => row.Require(row[VTh] >= row[VMin], VTh, "V_th ≥ V_min required");
}
