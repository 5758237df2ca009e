namespace NestSharp.Models.Synapses;

/// <summary>
/// tsodyks2_synapse (and tsodyks2_synapse_hpc): short-term depression and facilitation in the formulation of Fuhrmann
/// et al. (2002), Eqs. (4) and (5) (Maass &amp; Markram 2002): the synapse transmits the spike with the current
/// fraction of available resources x times the release probability u, and updates both at the next spike:
/// <code>
/// spike n is transmitted with weight x_n·u_n·w
/// at spike n + 1, after the time h since spike n (not at the first spike through the synapse):
///   x_{n+1} = 1 + (x_n - x_n·u_n - 1)·exp(-h/tau_rec)
///   u_{n+1} = U + u_n·(1 - U)·exp(-h/tau_fac)                 (exp(-h/tau_fac) taken as 0 for tau_fac = 0)
/// </code>
/// Unlike tsodyks_synapse it has no cleft variable y: the target's own synaptic dynamics shapes the response. The
/// transmitted weight is what a weight_recorder records.
/// <para>Parameters (per connection): weight, delay, U (default 0.5, in [0, 1]), u (0.5, in [0, 1]), tau_rec (ms, 800,
/// &gt; 0), tau_fac (ms, 0 = no facilitation, &gt;= 0), x (1). Sources must be neurons.</para>
/// <para>References: Tsodyks MV, Markram H (1997) The neural code between neocortical pyramidal neurons depends on
/// neurotransmitter release probability. PNAS 94:719-723. Fuhrmann G, Segev I, Markram H, Tsodyks MV (2002) Coding of
/// temporal information by activity-dependent synapses. J Neurophysiol 87:140-148. Maass W, Markram H (2002) Synapses
/// as dynamic memory buffers. Neural Networks 15:155-161.</para>
/// </summary>
[SynapseModelName("tsodyks2_synapse", Labelled = true)]
[SynapseModelName("tsodyks2_synapse_hpc")]
internal sealed class Tsodyks2Synapse(string name) : TransmissionRuleSynapseType(name)
{
    private static readonly SynapseSchema Declared = new();

    private static readonly FacilitationColumns Facilitation = new(Declared, UnitInterval);
    private static readonly SynapseColumn X = Declared.Parameter("x", 1.0);

    /// <summary>The time of the last spike through the synapse; negative before the first.</summary>
    private static readonly SynapseColumn LastSpike = Declared.State("t_lastspike", -1.0);

    protected override SynapseSchema DeclaredSchema => Declared;

    public override void CheckSource(NodeGroup source) => RequireSpikeEventSource(source, Name);

    public override void Deliver(SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model) =>
        Deliver(new Rule(block), block, spikes, context, model);

    /// <summary>The update of x and u since the last spike, then the transmission (see the class summary).</summary>
    private readonly struct Rule(SynapseBlock block) : ITransmissionRule
    {
        private readonly FacilitationColumns.Columns _facilitation = Facilitation.Of(block);
        private readonly double[] _x = block.State[X.Index], _lastSpike = block.State[LastSpike.Index];

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public bool Transmit(int i, double weight, long stamp, double tSpike, out double transmitted)
        {
            double x = _x[i], u = _facilitation.Utilisation[i];
            if (_lastSpike[i] >= 0.0)
            {
                double h = tSpike - _lastSpike[i];
                double xDecay = Math.Exp(-h / _facilitation.TauRec[i]);
                double uDecay = _facilitation.TauFac[i] == 0 ? 0.0 : Math.Exp(-h / _facilitation.TauFac[i]);
                x = 1.0 + (x - x * u - 1.0) * xDecay;
                u = _facilitation.Facilitate(i, uDecay);
                _x[i] = x;
            }
            _lastSpike[i] = tSpike;
            transmitted = x * u * weight;
            return true;
        }
    }
}
