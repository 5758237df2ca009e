namespace NestSharp.Plasticity;

/// <summary>
/// What a two-compartment neuron with Urbanczik-Senn plasticity (pp_cond_exp_mc_urbanczik) keeps for the
/// urbanczik_synapses onto its dendrite, written by the neuron once per step and read by the synapses when a
/// pre-synaptic spike is transmitted (NEST's UrbanczikArchivingNode). At the end of the step (t - h, t], with V_W the
/// dendritic potential and n the number of somatic spikes in the step, the entry (t, dPI) is appended, where
/// <code>
/// V_W* = (E_L·g_L + V_W·g_sp) / (g_L + g_sp)           (the dendritic prediction of the somatic potential; soma's E_L, g_L)
/// dPI  = (n - phi(V_W*)·h) · h'(V_W*)                   (the prediction error of the step, weighted)
/// phi(u) = phi_max / (1 + rate_slope·exp(beta·(theta - u)))          (somatic rate, 1/ms)
/// h'(u)  = 15·beta / (1 + exp(-beta·(theta - u)) / rate_slope)
/// </code>
/// Entries are made only while at least one plastic synapse is registered with the neuron. A synapse reads the entries
/// over (t_last_pre - d, t_pre - d], counting each read; before an entry is appended, entries at the front that every
/// registered synapse has read are dropped (all but the last), so the history stays bounded while the pre-synaptic
/// neurons keep firing. The synapses also read the dendrite's C_m, g_L, tau_syn_ex and tau_syn_in from here.
/// <para>References: Urbanczik R, Senn W (2014) Learning by the dendritic prediction of somatic spiking. Neuron
/// 81:521-528. NEST's UrbanczikArchivingNode (NEST 3.10).</para>
/// </summary>
internal sealed class UrbanczikHistory
{
    private HistoryRing<WeightChangeEntry> _entries = new(64);

    private double _phiMax, _rateSlope, _beta, _theta, _somaGL, _somaEL, _gSp, _resolution;

    /// <summary>Plastic synapses registered with the neuron (NEST's n_incoming).</summary>
    public int Incoming { get; private set; }

    /// <summary>The dendrite's membrane capacitance C_m (pF).</summary>
    public double DendriteCm { get; private set; }

    /// <summary>The dendrite's leak conductance g_L (nS).</summary>
    public double DendriteGL { get; private set; }

    /// <summary>The dendrite's membrane time constant C_m / g_L (ms).</summary>
    public double DendriteTauL => DendriteCm / DendriteGL;

    /// <summary>The dendrite's excitatory synaptic time constant (ms).</summary>
    public double DendriteTauSynEx { get; private set; }

    /// <summary>The dendrite's inhibitory synaptic time constant (ms).</summary>
    public double DendriteTauSynIn { get; private set; }

    /// <summary>Entries held (for tests and diagnostics).</summary>
    public int Count => _entries.Count;

    /// <summary>Sets the neuron's parameters and the number of registered synapses before a run.</summary>
    public void Configure(double phiMax, double rateSlope, double beta, double theta, double gSp, double somaGL, double somaEL,
        double dendriteCm, double dendriteGL, double dendriteTauSynEx, double dendriteTauSynIn, int incoming, double resolution)
    {
        _phiMax = phiMax;
        _rateSlope = rateSlope;
        _beta = beta;
        _theta = theta;
        _gSp = gSp;
        _somaGL = somaGL;
        _somaEL = somaEL;
        DendriteCm = dendriteCm;
        DendriteGL = dendriteGL;
        DendriteTauSynEx = dendriteTauSynEx;
        DendriteTauSynIn = dendriteTauSynIn;
        Incoming = incoming;
        _resolution = resolution;
    }

    /// <summary>The somatic rate function phi(u) (1/ms).</summary>
    public double Phi(double u) => _phiMax / (1.0 + _rateSlope * Math.Exp(_beta * (_theta - u)));

    /// <summary>The weighting h(u) of the prediction error.</summary>
    public double H(double u) => 15.0 * _beta / (1.0 + 1.0 / _rateSlope * Math.Exp(-_beta * (_theta - u)));

    /// <summary>Records the step ending at <paramref name="t"/> (ms): dendritic potential and somatic spikes in the step.</summary>
    public void Write(double t, double dendriticPotential, int spikes)
    {
        if (Incoming == 0) return;
        _entries.DropRead(Incoming);
        double prediction = (_somaEL * _somaGL + dendriticPotential * _gSp) / (_gSp + _somaGL);
        double dw = (spikes - Phi(prediction) * _resolution) * H(prediction);
        _entries.Append(new WeightChangeEntry { T = t, Dw = dw });
    }

    /// <summary>The <paramref name="i"/>-th entry, oldest first.</summary>
    public ref WeightChangeEntry At(int i) => ref _entries.At(i);

    /// <summary>
    /// The entries with <paramref name="t1"/> &lt; t &lt;= <paramref name="t2"/> (each time taken 1e-6 ms early, so an
    /// entry at a bound belongs to the later window), counted as read once more: the first index and one past the last.
    /// </summary>
    public (int Start, int End) Read(double t1, double t2) => _entries.ReadWindow(t1, t2);

    /// <summary>Writes the entries (the neuron's parameters are configured again before every run).</summary>
    public void SaveCheckpoint(CheckpointWriter writer) => WeightChangeHistory.Save(writer, _entries);

    /// <summary>A history as <see cref="SaveCheckpoint"/> wrote it.</summary>
    public static UrbanczikHistory Restore(CheckpointReader reader)
    {
        var history = new UrbanczikHistory();
        WeightChangeHistory.Restore(reader, ref history._entries);
        return history;
    }
}
