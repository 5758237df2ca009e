namespace NestSharp.Models.Synapses;

/// <summary>The secondary event of siegert_neuron (NEST's DiffusionConnectionEvent).</summary>
internal static class DiffusionEvents
{
    /// <summary>
    /// A rate per step, which each diffusion_connection passes on times its drift_factor into the target's drift input
    /// and times its diffusion_factor into its diffusion input, in the same slice (waveform relaxation) or, without it,
    /// in the next.
    /// </summary>
    public static readonly SecondaryEventType Diffusion = new("diffusion", supportsWaveformRelaxation: true);
}

/// <summary>
/// diffusion_connection: an instantaneous connection between siegert_neurons (NEST's, after Hahne et al. 2017), the
/// mean-field reduction of a network of integrate-and-fire neurons. It is rate_connection_instantaneous with two factors
/// in place of the weight: the source's rate ν of each step adds drift_factor·ν to the target's mean input μ and
/// diffusion_factor·ν to its input variance σ² in the same step (with waveform relaxation, use_wfr, the slice is
/// iterated until the rates agree; without it the target receives the source's rate at the end of the previous slice,
/// whose length is then the resolution). E.g. for K inputs of weight J (mV) and membrane time constant τ_m (s):
/// drift_factor = K·J·τ_m and diffusion_factor = K·J²·τ_m (Hahne et al. 2017, Eqs. 28 and 29).
/// <para>Parameters (per connection): drift_factor (default 1), diffusion_factor (default 1). Neither a weight nor a
/// delay can be given (BadProperty, as NEST's set_weight and set_delay); the status shows NEST's weight and a delay of
/// 1 ms as NEST's. Sources and targets: siegert_neuron only (NEST's DiffusionConnectionEvent, receptor 0 or 1).</para>
/// <para>Reference: Hahne J, Dahmen D, Schuecker J, Frommer A, Bolten M, Helias M, Diesmann M (2017). Integration of
/// continuous-time dynamics in a spiking neural network simulator. Front. Neuroinform. 11:34.</para>
/// </summary>
[SynapseModelName("diffusion_connection")]
internal sealed class DiffusionConnection(string name) : SecondarySynapseType(name)
{
    private static readonly SynapseSchema Declared = new();

    private static readonly SynapseColumn DriftFactor = Declared.Parameter("drift_factor", 1.0);
    private static readonly SynapseColumn DiffusionFactor = Declared.Parameter("diffusion_factor", 1.0);

    private int[] _diffusionChannel = [];

    protected override SynapseSchema DeclaredSchema => Declared;

    public override SecondaryEventType Carries => DiffusionEvents.Diffusion;

    public override string NoDelayReason => "diffusion_connection has no delay";

    public override string NoWeightReason => "Please use the parameters drift_factor and diffusion_factor to specify the weights";

    /// <summary>The diffusion input of each ring channel that is a drift input (see <see cref="Neurons.SiegertNeuron"/>).</summary>
    public override void PrepareSecondary(SimulationContext context)
    {
        int channels = context.Ring.Channels;
        if (_diffusionChannel.Length != channels) _diffusionChannel = new int[channels];
        Array.Fill(_diffusionChannel, -1);
        foreach (var group in context.Nodes.Groups)
            if (group is Neurons.SiegertNeuron siegert) siegert.FillDiffusionChannels(_diffusionChannel);
    }

    /// <summary>
    /// Each source's row of rates (one per step of the slice they are for) goes, times each synapse's factors, into its
    /// target's drift and diffusion inputs of the same steps (<see cref="SecondaryDelivery.Instant"/>): sources in id
    /// order, each source's synapses in their order, so every sum is formed in the same order whatever the split.
    /// </summary>
    public override void DeliverSecondary(SynapseBlock block, SecondaryEventBuffer values, in SecondaryDelivery context)
    {
        var instant = context.Instant;
        double[] data = instant.Data, received = values.Received;
        int channels = instant.Channels;
        int[] targets = block.Channels, diffusionOf = _diffusionChannel;
        double[] drift = block.State[DriftFactor.Index], diffusion = block.State[DiffusionFactor.Index];
        int n = context.MinDelaySteps;
        for (int s = 0; s < block.SourceCount; s++)
        {
            if (!RateDelivery.SourceValues(block, values, s, out int first, out int last, out int rates)) continue;
            for (int i = first; i < last; i++)
            {
                int driftChannel = targets[i], diffusionChannel = diffusionOf[driftChannel];
                double driftFactor = drift[i], diffusionFactor = diffusion[i];
                for (int lag = 0; lag < n; lag++)
                {
                    double rate = received[rates + lag];
                    data[(nint)lag * channels + driftChannel] += driftFactor * rate;
                    data[(nint)lag * channels + diffusionChannel] += diffusionFactor * rate;
                }
            }
        }
    }
}
