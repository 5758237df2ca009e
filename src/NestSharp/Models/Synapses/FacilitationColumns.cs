namespace NestSharp.Models.Synapses;

/// <summary>
/// The parameters U (0.5, in [0, 1]), u (0.5, in [0, 1]), tau_rec (ms, 800, &gt; 0) and tau_fac (ms, 0, &gt;= 0) of the
/// models after Fuhrmann et al. (2002) (tsodyks2_synapse, quantal_stp_synapse), declared in this order as
/// per-connection columns of the model's schema, and the facilitation of u from one spike to the next.
/// </summary>
/// <param name="declared">The model's schema.</param>
/// <param name="unitInterval">The check of a value in [0, 1] with the model's message for a key.</param>
internal sealed class FacilitationColumns(SynapseSchema declared, Func<string, Requirement> unitInterval)
{
    /// <summary>U, the utilisation a spike adds.</summary>
    public SynapseColumn U { get; } = declared.Parameter("U", 0.5, unitInterval("U"));

    /// <summary>u, the utilisation (release probability).</summary>
    public SynapseColumn UtilisationU { get; } = declared.Parameter("u", 0.5, unitInterval("u"));

    /// <summary>tau_rec, the time constant of recovery (ms).</summary>
    public SynapseColumn TauRec { get; } = declared.Parameter("tau_rec", 800.0, Requirement.Positive("'tau_rec' must be > 0"));

    /// <summary>tau_fac, the time constant of facilitation (ms; 0: none).</summary>
    public SynapseColumn TauFac { get; } = declared.Parameter("tau_fac", 0.0, Requirement.NonNegative("'tau_fac' must be >= 0"));

    /// <summary>The columns of <paramref name="block"/>.</summary>
    public Columns Of(SynapseBlock block) => new(block.State[U.Index], block.State[UtilisationU.Index], block.State[TauRec.Index], block.State[TauFac.Index]);

    /// <summary>The four columns of one block.</summary>
    internal readonly record struct Columns(double[] U, double[] Utilisation, double[] TauRec, double[] TauFac)
    {
        /// <summary>u ← U + u·(1 - U)·<paramref name="decay"/> for synapse <paramref name="i"/>: stores and returns the new u.</summary>
        public double Facilitate(int i, double decay)
        {
            double u = U[i] + Utilisation[i] * (1.0 - U[i]) * decay;
            Utilisation[i] = u;
            return u;
        }
    }
}
