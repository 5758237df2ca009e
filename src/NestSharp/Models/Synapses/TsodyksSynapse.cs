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
[SynapseModelName("tsodyks_synapse", Labelled = true)]
[SynapseModelName("tsodyks_synapse_hpc")]
internal sealed class TsodyksSynapse(string name) : TransmissionRuleSynapseType(name)
{
    private static readonly SynapseSchema Declared = new();

    private static readonly SynapseColumn U = Declared.Parameter("U", 0.5, UnitInterval("U"));
    private static readonly SynapseColumn TauPsc = Declared.Parameter("tau_psc", 3.0, Requirement.Positive("'tau_psc' must be > 0"));
    private static readonly SynapseColumn TauRec = Declared.Parameter("tau_rec", 800.0, Requirement.Positive("'tau_rec' must be > 0"));
    private static readonly SynapseColumn TauFac = Declared.Parameter("tau_fac", 0.0, Requirement.NonNegative("'tau_fac' must be >= 0"));
    private static readonly TsodyksResources Resources = new(Declared, UnitInterval("u"));

    protected override SynapseSchema DeclaredSchema => Declared;

    public override void CheckSource(NodeGroup source) => RequireSpikeEventSource(source, Name);

    /// <summary>NEST's check: the recovered and active fractions together are at most 1.</summary>
    public override void CheckStatus(double weight, ReadOnlySpan<double> perConnection) => Resources.CheckStatus(perConnection);

    public override void Deliver(SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model) =>
        Deliver(new TsodyksRule<PerConnection>(Resources, block, new PerConnection(block)), block, spikes, context, model);

    /// <summary>Each connection's own parameters and weight; Pzz - 1 through expm1, as NEST's tsodyks_synapse.</summary>
    private readonly struct PerConnection(SynapseBlock block) : ITsodyksParameters
    {
        private readonly double[] _u = block.State[U.Index], _tauPsc = block.State[TauPsc.Index], _tauRec = block.State[TauRec.Index],
            _tauFac = block.State[TauFac.Index];

        public TsodyksParameters Of(int synapse) => new(_u[synapse], _tauPsc[synapse], _tauRec[synapse], _tauFac[synapse]);

        public double WeightOf(double storedWeight) => storedWeight;

        public static void Recovery(double exponent, out double decayMinusOne, out double recovered)
        {
            decayMinusOne = NumericsHelper.LibmExpM1(exponent);
            recovered = -decayMinusOne;
        }
    }
}
