namespace NestSharp.Models.Neurons;

/// <summary>
/// glif_psc_double_alpha: glif_psc (the five GLIF models of Teeter et al. 2018) whose post-synaptic current on each
/// receptor port is the sum of a fast and a slow alpha function driven by the same spikes:
/// <code>
/// I_syn,r(t) = alpha(t; tau_syn_fast[r]) + amp_slow[r]·alpha(t; tau_syn_slow[r])
/// </code>
/// each alpha peaking at 1 pA per unit weight at t = tau, so the total peak exceeds the weight when amp_slow &gt; 0. The
/// membrane, the mechanisms and the step (fast kernels of every port, then the slow ones) are <see cref="GlifPscGroup"/>'s;
/// see <see cref="GlifPsc"/> for the equations.
/// <para>Parameters (units): those of glif_psc, with the arrays tau_syn_fast, tau_syn_slow (ms) and amp_slow (each
/// element &gt; 0) in place of tau_syn; the ports are sized by tau_syn_fast, and tau_syn_slow and amp_slow need at least
/// as many elements when the simulation starts (NEST reads them without a check). State, receptors and recordables as
/// glif_psc.</para>
/// <para>References: Teeter C et al. (2018) Generalized leaky integrate-and-fire models classify multiple neuron types.
/// Nature Communications 9:709. Meffin H, Burkitt AN, Grayden DB (2004) J Comput Neurosci 16:159-175. NEST model
/// documentation, glif_psc_double_alpha (NEST 3.10).</para>
/// </summary>
[NodeModelName("glif_psc_double_alpha")]
internal sealed class GlifPscDoubleAlpha : GlifPscGroup
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    private static readonly GlifMechanisms Mechanisms = new(Declared, "g", thresholdComponentsInStatus: true);

    /// <summary>The membrane conductance g (nS).</summary>
    private static readonly Column G = Mechanisms.G;

    private static readonly ArrayColumn TauSynFast = Declared.ArrayParameter("tau_syn_fast", [2.0], "ms");
    private static readonly ArrayColumn TauSynSlow = Declared.ArrayParameter("tau_syn_slow", [6.0], "ms");
    private static readonly ArrayColumn AmpSlow = Declared.ArrayParameter("amp_slow", [0.3], "");

    /// <summary>Per port: NEST's y1 and y2 of the fast and of the slow alpha kernel.</summary>
    private static readonly PortColumn Y1Fast = Declared.PortVariable("y1_fast");
    private static readonly PortColumn Y2Fast = Declared.PortVariable("y2_fast");
    private static readonly PortColumn Y1Slow = Declared.PortVariable("y1_slow");
    private static readonly PortColumn Y2Slow = Declared.PortVariable("y2_slow");

    private static readonly Column ISyn = Declared.Internal("I_syn");
    private static readonly InputChannel Currents = Declared.Input("currents");

    static GlifPscDoubleAlpha() => Declare(Declared, Mechanisms, TauSynFast, ISyn, Currents);

    public GlifPscDoubleAlpha(NodeModel model, int firstId, int count)
        : base(model, firstId, count, Declared, Mechanisms, new AlphaKernels(TauSynFast, null, Y1Fast, Y2Fast),
            new AlphaKernels(TauSynSlow, AmpSlow, Y1Slow, Y2Slow), ISyn, Currents)
    {
    }

    protected override void Validate(in StatusRow row)
    {
        Mechanisms.Validate(row, conductanceOrder: false);
        ValidatePortTimeConstants(row, TauSynFast);
        if (row.IsSet(TauSynSlow))
        {
            foreach (double x in row.Array(TauSynSlow)) row.Require(x > 0.0, TauSynSlow, "All slow synaptic time constants must be strictly positive");
        }
        if (row.IsSet(AmpSlow))
        {
            foreach (double x in row.Array(AmpSlow)) row.Require(x > 0.0, AmpSlow, "All slow synaptic amplitudes must be strictly positive");
        }
    }
}
