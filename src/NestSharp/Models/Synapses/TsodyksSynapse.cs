using NestSharp.Connections;
using NestSharp.Kernel;
using NestSharp.Nodes;
using NestSharp.Numerics;

namespace NestSharp.Models.Synapses;

/// <summary>
/// tsodyks_synapse (and tsodyks_synapse_hpc): short-term depression and facilitation after Tsodyks, Uziel &amp; Markram
/// (2000), Eqs. (3) and (4), integrated exactly from one pre-synaptic spike to the next. x is the fraction of resources
/// in the recovered state, y in the active state (the cleft), z = 1 - x - y in the inactive state, u the utilisation:
/// <code>
/// dx/dt = z/tau_rec,  dy/dt = -y/tau_psc,  dz/dt = y/tau_psc - z/tau_rec,  du/dt = -u/tau_fac   (between spikes)
/// at a spike, after the time h since the last one:
///   u ← u·exp(-h/tau_fac) (0 for tau_fac = 0);  x ← x + Pxy·y - expm1(-h/tau_rec)·z;  y ← y·exp(-h/tau_psc)
///   with Pxy = (expm1(-h/tau_rec)·tau_rec - (exp(-h/tau_psc) - 1)·tau_psc) / (tau_psc - tau_rec)
///   u ← u + U·(1 - u);  Δ = u·x;  x ← x - Δ;  y ← y + Δ;  the spike is transmitted with weight Δ·w
/// </code>
/// The transmitted weight is what a weight_recorder records. To reproduce the paper the target should have an
/// exponentially decaying synaptic current with time constant tau_psc (iaf_psc_exp, iaf_psc_exp_htum). The last spike
/// time starts at 0, which matters only when x, y start away from the resting state.
/// <para>Parameters (per connection): weight, delay, U (default 0.5, in [0, 1]), tau_psc (ms, 3, &gt; 0), tau_rec (ms,
/// 800, &gt; 0), tau_fac (ms, 0 = no facilitation, &gt;= 0), and the state x (1), y (0) and u (0, in [0, 1]), with
/// x + y &lt;= 1. Sources must be neurons.</para>
/// <para>Reference: Tsodyks M, Uziel A, Markram H (2000) Synchrony generation in recurrent networks with
/// frequency-dependent synapses. J Neurosci 20:RC50.</para>
/// </summary>
[SynapseModelName("tsodyks_synapse")]
[SynapseModelName("tsodyks_synapse_hpc")]
[SynapseModelName("tsodyks_synapse_lbl")]
internal sealed class TsodyksSynapse(string name) : TransmissionRuleSynapseType(name)
{
    private static readonly SynapseSchema Declared = new();

    private static readonly SynapseColumn U = Declared.Parameter("U", 0.5, UnitInterval("U"));
    private static readonly SynapseColumn TauPsc = Declared.Parameter("tau_psc", 3.0, Requirement.Positive("'tau_psc' must be > 0"));
    private static readonly SynapseColumn TauRec = Declared.Parameter("tau_rec", 800.0, Requirement.Positive("'tau_rec' must be > 0"));
    private static readonly SynapseColumn TauFac = Declared.Parameter("tau_fac", 0.0, Requirement.NonNegative("'tau_fac' must be >= 0"));
    private static readonly SynapseColumn X = Declared.Parameter("x", 1.0);
    private static readonly SynapseColumn Y = Declared.Parameter("y", 0.0);
    private static readonly SynapseColumn UtilisationU = Declared.Parameter("u", 0.0, UnitInterval("u"));
    private static readonly SynapseColumn LastSpike = Declared.State("t_lastspike", 0.0);

    private static readonly int XKey = Declared.IndexOfPerConnection("x"), YKey = Declared.IndexOfPerConnection("y");

    protected override SynapseSchema DeclaredSchema => Declared;

    public override void CheckSource(NodeGroup source) => RequireNeuronSource(source, Name);

    /// <summary>NEST's check: the recovered and active fractions together are at most 1.</summary>
    public override void CheckStatus(double weight, ReadOnlySpan<double> perConnection) =>
        RequireResourcesAtMostOne(perConnection[XKey], perConnection[YKey]);

    /// <summary>x + y &lt;= 1 (the check of tsodyks_synapse and tsodyks_synapse_hom).</summary>
    internal static void RequireResourcesAtMostOne(double x, double y)
    {
        if (x + y > 1.0)
            throw new BadPropertyException("x", x, $"x + y must be <= 1.0 (y = {StatusValue.Format(y)})");
    }

    public override void Deliver(SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model) =>
        Deliver(new Rule(block), block, spikes, context, model);

    /// <summary>The propagation of x, y, u from the last spike to this one, and the release (see the class summary).</summary>
    private readonly struct Rule(SynapseBlock block) : ITransmissionRule
    {
        private readonly double[] _u = block.State[U.Index], _tauPsc = block.State[TauPsc.Index], _tauRec = block.State[TauRec.Index],
            _tauFac = block.State[TauFac.Index], _x = block.State[X.Index], _y = block.State[Y.Index],
            _utilisation = block.State[UtilisationU.Index], _lastSpike = block.State[LastSpike.Index];

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public bool Transmit(int i, double weight, long stamp, double tSpike, out double transmitted)
        {
            double h = tSpike - _lastSpike[i];
            double tauPsc = _tauPsc[i], tauRec = _tauRec[i], tauFac = _tauFac[i];
            double puu = tauFac == 0.0 ? 0.0 : Math.Exp(-h / tauFac);
            double pyy = Math.Exp(-h / tauPsc);
            double pzz = NumericsHelper.ExpM1(-h / tauRec);
            double pxy = (pzz * tauRec - (pyy - 1.0) * tauPsc) / (tauPsc - tauRec);

            double x = _x[i], y = _y[i], u = _utilisation[i];
            double z = 1.0 - x - y;
            u *= puu;
            x += pxy * y - pzz * z;
            y *= pyy;
            u += _u[i] * (1.0 - u);
            double released = u * x;
            x -= released;
            y += released;

            _x[i] = x;
            _y[i] = y;
            _utilisation[i] = u;
            _lastSpike[i] = tSpike;
            transmitted = released * weight;
            return true;
        }
    }
}
