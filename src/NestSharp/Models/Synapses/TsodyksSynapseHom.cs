namespace NestSharp.Models.Synapses;

/// <summary>
/// tsodyks_synapse_hom (and tsodyks_synapse_hom_hpc): tsodyks_synapse (<see cref="TsodyksSynapse"/>, the same dynamics
/// after Tsodyks, Uziel &amp; Markram 2000) with the weight, U, tau_psc, tau_rec and tau_fac common to all connections of
/// the model (set with SetDefaults or CopyModel); each connection keeps only its state x, y, u and its last spike time.
/// <code>
/// at a spike, after the time h since the last one (Pzz = exp(-h/tau_rec)):
///   u ← u·exp(-h/tau_fac) (0 for tau_fac = 0);  x ← x + Pxy·y + (1 - Pzz)·z;  y ← y·exp(-h/tau_psc)
///   with Pxy = ((Pzz - 1)·tau_rec - (exp(-h/tau_psc) - 1)·tau_psc) / (tau_psc - tau_rec), z = 1 - x - y
///   u ← u + U·(1 - u);  Δ = u·x;  x ← x - Δ;  y ← y + Δ;  the spike is transmitted with weight Δ·w
/// </code>
/// <para>Common parameters: weight (1), U (0.5, in [0, 1]), tau_psc (ms, 3, &gt; 0), tau_rec (ms, 800, &gt; 0), tau_fac
/// (ms, 0, &gt;= 0). Per connection: delay, x (1), y (0), u (0), with x + y &lt;= 1 (u is not checked, as in NEST). A
/// weight in a syn_spec or on a connection is an error; connections report no weight. Sources must be neurons.</para>
/// <para>Reference: Tsodyks M, Uziel A, Markram H (2000) Synchrony generation in recurrent networks with
/// frequency-dependent synapses. J Neurosci 20:RC50.</para>
/// </summary>
[SynapseModelName("tsodyks_synapse_hom", Labelled = true)]
[SynapseModelName("tsodyks_synapse_hom_hpc")]
internal sealed class TsodyksSynapseHom(string name) : TransmissionRuleSynapseType(name)
{
    private static readonly SynapseSchema Declared = new();

    private static readonly CommonParameter U = Declared.CommonParameter("U", 0.5, UnitInterval("U"));
    private static readonly CommonParameter TauPsc = Declared.CommonParameter("tau_psc", 3.0, Requirement.Positive("tau_psc must be > 0"));
    private static readonly CommonParameter TauRec = Declared.CommonParameter("tau_rec", 800.0, Requirement.Positive("tau_rec must be > 0"));
    private static readonly CommonParameter TauFac = Declared.CommonParameter("tau_fac", 0.0, Requirement.NonNegative("tau_fac must be >= 0"));
    private static readonly TsodyksResources Resources = new(Declared, utilisationCheck: null);

    static TsodyksSynapseHom()
    {
        Declared.CommonWeight();
        Declared.WithoutSize();
    }

    protected override SynapseSchema DeclaredSchema => Declared;

    public override void CheckSource(NodeGroup source) => RequireSpikeEventSource(source, Name);

    public override void CheckStatus(double weight, ReadOnlySpan<double> perConnection) => Resources.CheckStatus(perConnection);

    public override void Deliver(SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model) =>
        Deliver(new TsodyksRule<Common>(Resources, block, new Common(model.CommonValues, model.Weight)), block, spikes, context, model);

    /// <summary>The model's parameters and weight for every connection; Pzz through exp, as NEST's tsodyks_synapse_hom.</summary>
    private readonly struct Common(double[] common, double weight) : ITsodyksParameters
    {
        private readonly TsodyksParameters _parameters = new(common[U.Index], common[TauPsc.Index], common[TauRec.Index], common[TauFac.Index]);
        private readonly double _weight = weight;

        public TsodyksParameters Of(int synapse) => _parameters;

        public double WeightOf(double storedWeight) => _weight;

        public static void Recovery(double exponent, out double decayMinusOne, out double recovered)
        {
            double pzz = Math.Exp(exponent);
            decayMinusOne = pzz - 1.0;
            recovered = 1.0 - pzz;
        }
    }
}
