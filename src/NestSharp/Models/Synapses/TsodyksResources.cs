namespace NestSharp.Models.Synapses;

/// <summary>
/// The parameters of the Tsodyks dynamics (<see cref="TsodyksSynapse"/>) for one connection: U, tau_psc, tau_rec and
/// tau_fac, per connection in tsodyks_synapse and common to the model in tsodyks_synapse_hom.
/// </summary>
internal readonly record struct TsodyksParameters(double U, double TauPsc, double TauRec, double TauFac);

/// <summary>
/// What the two Tsodyks models do their own way: where a connection's parameters and weight come from, and how the
/// recovery propagator Pzz = exp(-h/tau_rec) enters (NEST computes it differently in the two models, see
/// <see cref="Recovery"/>).
/// </summary>
internal interface ITsodyksParameters
{
    /// <summary>The parameters of synapse <paramref name="synapse"/> of the block.</summary>
    TsodyksParameters Of(int synapse);

    /// <summary>The weight a released fraction multiplies, from the synapse's stored weight.</summary>
    double WeightOf(double storedWeight);

    /// <summary>
    /// For <paramref name="exponent"/> = -h/tau_rec: Pzz - 1 (in Pxy) in <paramref name="decayMinusOne"/> and 1 - Pzz
    /// (the fraction of the inactive resources recovered) in <paramref name="recovered"/>.
    /// </summary>
    static abstract void Recovery(double exponent, out double decayMinusOne, out double recovered);
}

/// <summary>
/// The state of a Tsodyks synapse: the recovered fraction x, the active fraction y, the utilisation u and the last spike
/// time, declared (in this order, after the model's parameters) as per-connection columns of the model's schema, with
/// the check both models make (x + y &lt;= 1).
/// </summary>
internal sealed class TsodyksResources(SynapseSchema declared, Requirement? utilisationCheck)
{
    /// <summary>x, the recovered fraction (1).</summary>
    public SynapseColumn X { get; } = declared.Parameter("x", 1.0);

    /// <summary>y, the active fraction (0).</summary>
    public SynapseColumn Y { get; } = declared.Parameter("y", 0.0);

    /// <summary>u, the utilisation (0).</summary>
    public SynapseColumn UtilisationU { get; } = declared.Parameter("u", 0.0, utilisationCheck);

    /// <summary>The time of the last spike through the synapse (0 at the start).</summary>
    public SynapseColumn TLastSpike { get; } = declared.State("t_lastspike", 0.0);

    private readonly int _xKey = declared.IndexOfPerConnection("x"), _yKey = declared.IndexOfPerConnection("y");

    /// <summary>NEST's check of a connection's values: the recovered and active fractions together are at most 1.</summary>
    public void CheckStatus(ReadOnlySpan<double> perConnection)
    {
        double x = perConnection[_xKey], y = perConnection[_yKey];
        if (x + y > 1.0)
            throw new BadPropertyException("x", x, $"x + y must be <= 1.0 (y = {StatusValue.Format(y)})");
    }
}

/// <summary>
/// The Tsodyks rule of both models (see <see cref="TsodyksSynapse"/>): the propagation of x, y, u from the last spike
/// to this one, the release Δ = u·x, and the transmission with weight Δ·w; the parameters, the weight and the
/// recovery propagator come from <typeparamref name="TParameters"/>.
/// </summary>
internal readonly struct TsodyksRule<TParameters>(TsodyksResources resources, SynapseBlock block, TParameters parameters) : ITransmissionRule
    where TParameters : struct, ITsodyksParameters
{
    private readonly double[] _x = block.State[resources.X.Index], _y = block.State[resources.Y.Index],
        _utilisation = block.State[resources.UtilisationU.Index], _lastSpike = block.State[resources.TLastSpike.Index];
    private readonly TParameters _parameters = parameters;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool Transmit(int i, double weight, long stamp, double tSpike, out double transmitted)
    {
        double h = tSpike - _lastSpike[i];
        var p = _parameters.Of(i);
        double puu = p.TauFac == 0.0 ? 0.0 : Math.Exp(-h / p.TauFac);
        double pyy = Math.Exp(-h / p.TauPsc);
        TParameters.Recovery(-h / p.TauRec, out double pzzMinusOne, out double pxz);
        double pxy = (pzzMinusOne * p.TauRec - (pyy - 1.0) * p.TauPsc) / (p.TauPsc - p.TauRec);

        double x = _x[i], y = _y[i], u = _utilisation[i];
        double z = 1.0 - x - y;
        u *= puu;
        x += pxy * y + pxz * z;
        y *= pyy;
        u += p.U * (1.0 - u);
        double released = u * x;
        x -= released;
        y += released;

        _x[i] = x;
        _y[i] = y;
        _utilisation[i] = u;
        _lastSpike[i] = tSpike;
        transmitted = released * _parameters.WeightOf(weight);
        return true;
    }
}
