namespace NestSharp.Models.Synapses;

/// <summary>
/// quantal_stp_synapse (and quantal_stp_synapse_hpc): stochastic short-term plasticity with n release sites (Fuhrmann et
/// al. 2002; Loebel et al. 2009), the probabilistic counterpart of tsodyks2_synapse. Of the n sites, a hold a vesicle;
/// u is the release probability of each:
/// <code>
/// at a spike, after the time h since the last one (not at the first spike through the synapse):
///   u ← U + u·(1 - U)·exp(-h/tau_fac)                      (exp(-h/tau_fac) taken as 0 for tau_fac &lt; 1e-10)
///   each of the n - a empty sites refills with probability 1 - exp(-h/tau_rec)
/// each of the a filled sites releases with probability u; with k &gt; 0 releases the spike is transmitted with weight
/// k·w and a ← a - k; with none nothing is transmitted (and nothing is recorded)
/// </code>
/// The draws come from the synapse's own random stream for the spike (keyed by the kernel seed, the Connect call, the
/// connection and the spike's time step), in NEST's order (refills, then releases): results are the same for any
/// number of threads or processes.
/// <para>Parameters (per connection): weight, delay, U (default 0.5, in [0, 1]), u (0.5, in [0, 1]), tau_rec (ms, 800,
/// &gt; 0), tau_fac (ms, 0, &gt;= 0), n (1, integer), a (1, integer). Sources must be neurons.</para>
/// <para>References: Fuhrmann G, Segev I, Markram H, Tsodyks MV (2002) Coding of temporal information by
/// activity-dependent synapses. J Neurophysiol 87:140-148. Loebel A, Silberberg G, Helbig D, Markram H, Tsodyks MV,
/// Richardson MJE (2009) Multiquantal release underlies the distribution of synaptic efficacies in the neocortex.
/// Front Comput Neurosci 3:27.</para>
/// </summary>
[SynapseModelName("quantal_stp_synapse", Labelled = true)]
[SynapseModelName("quantal_stp_synapse_hpc")]
internal sealed class QuantalStpSynapse(string name) : TransmissionRuleSynapseType(name)
{
    private static readonly SynapseSchema Declared = new();

    private static readonly Requirement WholeNumber = new(static v => v == Math.Floor(v) && Math.Abs(v) <= int.MaxValue, "must be an integer");

    private static readonly FacilitationColumns Facilitation = new(Declared, UnitInterval);
    private static readonly SynapseColumn SitesN = Declared.Parameter("n", 1.0, WholeNumber, integer: true);
    private static readonly SynapseColumn AvailableA = Declared.Parameter("a", 1.0, WholeNumber, integer: true);

    /// <summary>The time of the last spike through the synapse; negative before the first.</summary>
    private static readonly SynapseColumn LastSpike = Declared.State("t_lastspike", -1.0);

    static QuantalStpSynapse()
    {
        Declared.KeepStreamKeys();
        Declared.WithoutSize();
    }

    protected override SynapseSchema DeclaredSchema => Declared;

    public override void CheckSource(NodeGroup source) => RequireSpikeEventSource(source, Name);

    public override void Deliver(SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model) =>
        Deliver(new Rule(block), block, spikes, context, model);

    /// <summary>Facilitation, stochastic refill and stochastic release (see the class summary).</summary>
    private readonly struct Rule(SynapseBlock block) : ITransmissionRule
    {
        private readonly double[] _sites = block.State[SitesN.Index], _available = block.State[AvailableA.Index], _lastSpike = block.State[LastSpike.Index];
        private readonly FacilitationColumns.Columns _facilitation = Facilitation.Of(block);
        private readonly SynapseBlock _block = block;

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public bool Transmit(int i, double weight, long stamp, double tSpike, out double transmitted)
        {
            var stream = new RandomStream(RandomStream.Derive(SynapseSchema.StreamKeyOf(_block, i), (ulong)stamp));
            int available = (int)_available[i];
            double u = _facilitation.Utilisation[i];
            if (_lastSpike[i] >= 0.0)
            {
                double h = tSpike - _lastSpike[i];
                double refillDecay = Math.Exp(-h / _facilitation.TauRec[i]);
                double uDecay = _facilitation.TauFac[i] < 1.0e-10 ? 0.0 : Math.Exp(-h / _facilitation.TauFac[i]);
                u = _facilitation.Facilitate(i, uDecay);
                for (int empty = (int)_sites[i] - available; empty > 0; empty--)
                {
                    if (stream.NextDouble() < 1.0 - refillDecay) available++;
                }
            }
            int released = 0;
            for (int site = available; site > 0; site--)
            {
                if (stream.NextDouble() < u) released++;
            }
            if (released > 0) available -= released;
            _available[i] = available;
            _lastSpike[i] = tSpike;
            transmitted = released * weight;
            return released > 0;
        }
    }
}
