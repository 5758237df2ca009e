namespace NestSharp.Models.Neurons;

/// <summary>
/// A one-node system with an excitatory and an inhibitory synaptic time constant (ms) and a current input (pA), as
/// hh_psc_alpha and hh_cond_exp_traub integrate it; read for four nodes at once by
/// <see cref="LaneExInSynapses.Of{TSystem}"/>.
/// </summary>
/// <typeparam name="TSelf">The system.</typeparam>
internal interface IExInSynapses<TSelf> where TSelf : struct, IExInSynapses<TSelf>
{
    /// <summary>tau_syn_ex, tau_syn_in (ms) and the current input of the step (pA) of <paramref name="system"/>.</summary>
    static abstract (double TauSynEx, double TauSynIn, double IStim) ExInOf(in TSelf system);
}

/// <summary>
/// The synaptic time constants tau_syn_ex and tau_syn_in (ms) and the current input (pA) of four nodes, one per SIMD
/// lane, for a model's <see cref="ILaneOdeSystem{TSystem}"/>: the same values for all lanes (a shared parameter row)
/// or each lane's own.
/// </summary>
internal struct LaneExInSynapses
{
    public Vector256<double> TauSynEx, TauSynIn, IStim;

    /// <summary>Every lane with the time constants of a shared row; the lanes' own current inputs <paramref name="iStim"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public LaneExInSynapses(double tauSynEx, double tauSynIn, Vector256<double> iStim)
    {
        TauSynEx = Vector256.Create(tauSynEx);
        TauSynIn = Vector256.Create(tauSynIn);
        IStim = iStim;
    }

    /// <summary>Lane l with the time constants and current input of system l.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneExInSynapses Of<TSystem>(in TSystem lane0, in TSystem lane1, in TSystem lane2, in TSystem lane3)
        where TSystem : struct, IExInSynapses<TSystem>
    {
        var (ex0, in0, i0) = TSystem.ExInOf(lane0);
        var (ex1, in1, i1) = TSystem.ExInOf(lane1);
        var (ex2, in2, i2) = TSystem.ExInOf(lane2);
        var (ex3, in3, i3) = TSystem.ExInOf(lane3);
        return new LaneExInSynapses
        {
            TauSynEx = Vector256.Create(ex0, ex1, ex2, ex3),
            TauSynIn = Vector256.Create(in0, in1, in2, in3),
            IStim = Vector256.Create(i0, i1, i2, i3),
        };
    }

    /// <summary>
    /// The decay of the conductances (or currents) at <paramref name="ex"/> and <paramref name="inh"/> of the state
    /// <paramref name="y"/> per lane, -g / tau_syn, into <paramref name="f"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Decay(ReadOnlySpan<Vector256<double>> y, Span<Vector256<double>> f, int ex, int inh)
    {
        f[ex] = Lanes.Negate(y[ex]) / TauSynEx;
        f[inh] = Lanes.Negate(y[inh]) / TauSynIn;
    }
}
