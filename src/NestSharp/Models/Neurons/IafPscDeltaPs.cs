namespace NestSharp.Models.Neurons;

/// <summary>
/// iaf_psc_delta_ps: the leaky integrate-and-fire neuron with delta-shaped post-synaptic currents (each spike makes the
/// potential jump), for precise spike times (NEST's "canonical" implementation). Spikes arrive at their precise times
/// within a step; the node fires at the time of an input spike that lifts it over threshold, or at the time the
/// constant current brings it there (solved in closed form), and refractoriness ends at the spike's precise time plus
/// t_ref.
/// <code>
/// dV/dt = -(V - E_L)/tau_m + (I_e + I_0)/C_m + sum_k w_k δ(t - t_k)
/// V &gt;= V_th: spike at that time, V = V_reset, clamped until t_spike + t_ref (input spikes in between are lost).
/// </code>
/// Between events, with U = V - E_L and U_inf = tau_m/C_m·(I_0 + I_e): U ← -U_inf·expm1(-dt/tau_m) + U·expm1(-dt/tau_m) + U.
/// A step without events uses the step's propagator (as -expm1(-h/tau_m)·tau_m/C_m·(I_0 + I_e) + expm1(-h/tau_m)·U + U),
/// then the V_min bound, then the threshold. A step with events goes from event to event in the order of their times
/// (their offsets, largest first; the end of refractoriness before spikes at the same time; the weights·multiplicities
/// of spikes at the same time summed first, as NEST's accumulate_simultaneous): a refractory node only moves to the
/// event's time (and the end of refractoriness lets it integrate again); otherwise it is propagated to the event (no
/// V_min bound there, as NEST), fires if over threshold — at t_event + -tau_m·ln((U_inf - U)/(U_inf - U_th)), the input
/// spike then lost —, else takes the weight and fires at the event's time if that lifts it over threshold; then the
/// rest of the step. The step's current input I_0 (CurrentEvents, receptor 0) changes at the end of the step. A node
/// whose V is at or above V_th when a slice starts (set so) fires at the start of the slice's first step.
/// <para>Parameters (units): C_m (pF), tau_m, t_ref (ms), E_L, V_reset, V_th, V_min (mV, default -DBL_MAX), I_e (pA);
/// state V_m (mV); read-only is_refractory and refractory_input (always false: NEST's option to keep the spikes of the
/// refractory period cannot be set). Recordables: V_m. Receptor 0 for spikes and currents. Sends precise spikes
/// (off_grid_spiking).</para>
/// <para>Spikes reach it through every synapse model with their sender's offset and the weight their synapse
/// transmitted (<see cref="IPreciseSpikeReceiver"/>), from poisson_generator_ps with their offsets, and from generators
/// that send on the grid (poisson_generator, gamma_sup_generator, spike_dilutor, ...) as one event per step and
/// connection at offset 0 with weight·multiplicity, as in NEST.</para>
/// <para>References: Morrison A, Straube S, Plesser HE, Diesmann M (2007) Exact subthreshold integration with continuous
/// spike times in discrete time neural network simulations. Neural Comput 19:47-79. NEST model documentation,
/// iaf_psc_delta_ps.</para>
/// </summary>
[NodeModelName("iaf_psc_delta_ps")]
internal sealed class IafPscDeltaPs : PreciseIafGroup
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    private static readonly PreciseIafMembrane Membrane = new(Declared, double.MinValue);

    /// <summary>What a node's update needs, computed once per run from its parameters.</summary>
    private struct Propagators
    {
        public double TauM, R, Ie, Theta, UMin, UReset, Expm1T;
        public int RefractorySteps;

        /// <summary>The potential (relative to E_L) the step's current drives the node to: tau_m/C_m·(I_0 + I_e).</summary>
        public readonly double UInfinity(double y0) => R * (y0 + Ie);
    }

    private readonly PropagatorSets<Propagators> _propagators = new();

    public IafPscDeltaPs(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Membrane)
    {
    }

    /// <summary>The status, with NEST's read-only refractory_input (and is_refractory).</summary>
    public override void WriteStatus(int local, Dictionary<string, object> status)
    {
        base.WriteStatus(local, status);
        status["refractory_input"] = false;
    }

    public override void Prepare(SimulationContext context)
    {
        base.Prepare(context);
        var time = context.Time;
        double h = StepMs;
        _propagators.Build(Columns, Schema.ParameterColumns, Count, i =>
        {
            double tauM = this[Membrane.TauM][i], el = this[Membrane.EL][i];
            return new Propagators
            {
                TauM = tauM,
                R = tauM / this[Membrane.Cm][i],
                Ie = this[Membrane.Ie][i],
                Theta = this[Membrane.VTh][i] - el,
                UMin = this[Membrane.VMin][i] - el,
                UReset = this[Membrane.VReset][i] - el,
                Expm1T = NumericsHelper.ExpM1(-h / tauM),
                RefractorySteps = (int)time.MsToStepsCeil(this[Membrane.TRef][i]),
            };
        });
    }

    protected override void Advance(in ChunkStep s, SpikeBuffer spikes, int thread)
    {
        Span<double> arrived = s.Input(Membrane.Spikes);
        Span<double> currents = s.Input(Membrane.Currents);
        double[] y0 = this[Membrane.StepCurrent], u = this[Membrane.Vm];
        double[] refractoryColumn = this[Membrane.IsRefractory];
        var propagators = _propagators.Select();
        double h = StepMs;
        long step = s.Step;
        for (int k = 0; k < arrived.Length; k++)
        {
            int i = s.Start + k;
            ref readonly Propagators p = ref propagators.Of(i);
            double current = y0[i];
            double potential = u[i];

            // Refractoriness ending within this step comes as a pseudo-event at the last spike's offset.
            var stepEvents = TakeDue(i, step, thread, arrived[k], refractoryColumn[i] != 0.0, p.RefractorySteps);

            if (stepEvents.None)
            {
                // No event: the step's propagator (the form NEST finds more precise), the V_min bound, the threshold.
                if (refractoryColumn[i] == 0.0)
                {
                    double fromCurrent = -p.Expm1T * p.R * (current + p.Ie);
                    potential = fromCurrent + p.Expm1T * potential + potential;
                    potential = potential < p.UMin ? p.UMin : potential;
                    if (potential >= p.Theta) potential = Fire(i, potential, p, current, step, s.Lag, 0.0, spikes);
                }
            }
            else
            {
                double t = h; // offsets count down from h at the step's start to 0 at its end
                while (stepEvents.Next(sumSimultaneous: true, out bool endOfRefractoriness, out double offset, out double weight))
                {
                    if (refractoryColumn[i] != 0.0)
                    {
                        // A refractory node moves to the event's time; input spikes are lost.
                        t = offset;
                        if (endOfRefractoriness)
                        {
                            refractoryColumn[i] = 0.0;
                            if (potential >= p.Theta) potential = FireAt(i, p, step, s.Lag, t, spikes);
                        }
                        continue;
                    }

                    Propagate(ref potential, p, current, t - offset);
                    t = offset;
                    // Over threshold before the event: the node fires then, and is refractory when the spike arrives.
                    if (potential >= p.Theta)
                    {
                        potential = Fire(i, potential, p, current, step, s.Lag, t, spikes);
                        continue;
                    }
                    potential += weight;
                    if (potential >= p.Theta) potential = FireAt(i, p, step, s.Lag, t, spikes);
                }
                if (refractoryColumn[i] == 0.0 && t > 0)
                {
                    Propagate(ref potential, p, current, t);
                    if (potential >= p.Theta) potential = Fire(i, potential, p, current, step, s.Lag, 0.0, spikes);
                }
            }

            u[i] = potential;
            // The current input changes at the end of the step.
            y0[i] = currents[k];
        }
    }

    /// <summary>NEST's propagate_: U over <paramref name="dt"/> ms under the step's current (no V_min bound).</summary>
    private static void Propagate(ref double potential, in Propagators p, double current, double dt)
    {
        double expm1Dt = NumericsHelper.ExpM1(-dt / p.TauM);
        double uInfinity = p.UInfinity(current);
        potential = -uInfinity * expm1Dt + potential * expm1Dt + potential;
    }

    /// <summary>
    /// NEST's emit_spike_: the potential is at or above threshold <paramref name="offset"/> ms before the step's end,
    /// driven there by the step's current; it crossed -tau_m·ln((U_inf - U)/(U_inf - U_th)) ms earlier, and the node
    /// fires then. Returns the reset potential.
    /// </summary>
    private double Fire(int i, double potential, in Propagators p, double current, long step, int lag, double offset, SpikeBuffer spikes)
    {
        double uInfinity = p.UInfinity(current);
        double sinceCrossing = -p.TauM * Math.Log((uInfinity - potential) / (uInfinity - p.Theta));
        return FireAt(i, p, step, lag, offset + sinceCrossing, spikes);
    }

    /// <summary>NEST's emit_instant_spike_: the node fires <paramref name="offset"/> ms before the step's end. Returns the reset potential.</summary>
    private double FireAt(int i, in Propagators p, long step, int lag, double offset, SpikeBuffer spikes)
    {
        MarkSpike(i, step, lag, offset, spikes);
        return p.UReset;
    }
}
