namespace NestSharp.Plasticity;

/// <summary>
/// What a neuron with Clopath plasticity (aeif_psc_delta_clopath) keeps for the clopath_synapses onto it, written by
/// the neuron once per step and read by the synapses when a pre-synaptic spike is transmitted (NEST's
/// ClopathArchivingNode). With u the membrane potential and ū+, ū-, ū̄ its low-pass filtered versions at the end of the
/// step (t - h, t]:
/// <code>
/// ū±_del = ū± of delay_u_bars earlier  (a ring of round(delay_u_bars/h) + 1 values, starting at 0)
/// LTP:  u &gt; theta_plus and ū+_del &gt; theta_minus  →  append (t, A_LTP·(u - theta_plus)·(ū+_del - theta_minus)·h)
/// LTD:  ū-_del &gt; theta_minus                      →  store  (t, A_LTD·(ū-_del - theta_minus))            (A_LTD_const)
///                                                       or    (t, A_LTD·ū̄²·(ū-_del - theta_minus)/u_ref_squared)
/// </code>
/// LTP and LTD entries are made only while at least one plastic synapse is registered with the neuron. The LTD values
/// live in a ring of max_delay + 1 entries (a synapse asks for the value at exactly t_pre - d, at most max_delay
/// back); the LTP entries form a queue that a synapse reads over (t_last_pre - d, t_pre - d], counting each read. Before
/// an LTP entry is appended, entries at the front that every registered synapse has read are dropped (all but the
/// last), so the queue stays bounded while the pre-synaptic neurons keep firing.
/// <para>Reference: Clopath C, Büsing L, Vasilaki E, Gerstner W (2010) Connectivity reflects coding: a model of
/// voltage-based STDP with homeostasis. Nat Neurosci 13:344-352. NEST's ClopathArchivingNode (NEST 3.10).</para>
/// </summary>
internal sealed class ClopathHistory
{
    /// <summary>Half-width of the window in which an LTD entry's time counts as equal to the time asked for (ms).</summary>
    private const double TimeEps = SpikeArchive.Eps;

    private readonly double[] _delayedPlus, _delayedMinus;
    private int _delayedIndex;

    private readonly double[] _ltdTimes, _ltdValues;
    private int _ltdCurrent;

    private HistoryRing<WeightChangeEntry> _ltp = new(16);

    /// <param name="delaySteps">round(delay_u_bars / h): how many steps ū± are delayed.</param>
    /// <param name="ltdLength">Entries kept in the LTD ring (max_delay in steps + 1).</param>
    public ClopathHistory(int delaySteps, int ltdLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(delaySteps);
        ArgumentOutOfRangeException.ThrowIfLessThan(ltdLength, 1);
        _delayedPlus = new double[delaySteps + 1];
        _delayedMinus = new double[delaySteps + 1];
        _ltdTimes = new double[ltdLength];
        _ltdValues = new double[ltdLength];
    }

    public double ALtp { get; private set; }
    public double ALtd { get; private set; }
    public bool ALtdConstant { get; private set; }
    public double URefSquared { get; private set; }
    public double ThetaPlus { get; private set; }
    public double ThetaMinus { get; private set; }

    /// <summary>Plastic synapses registered with the neuron (NEST's n_incoming).</summary>
    public int Incoming { get; private set; }

    /// <summary>The step size h (ms), a factor of every LTP entry.</summary>
    public double Resolution { get; private set; }

    /// <summary>LTP entries held (for tests and diagnostics).</summary>
    public int LtpCount => _ltp.Count;

    /// <summary>Sets the rule's parameters and the number of registered synapses before a run.</summary>
    public void Configure(double aLtp, double aLtd, bool aLtdConstant, double uRefSquared, double thetaPlus, double thetaMinus,
        int incoming, double resolution)
    {
        ALtp = aLtp;
        ALtd = aLtd;
        ALtdConstant = aLtdConstant;
        URefSquared = uRefSquared;
        ThetaPlus = thetaPlus;
        ThetaMinus = thetaMinus;
        Incoming = incoming;
        Resolution = resolution;
    }

    /// <summary>Records the state at the end of the step ending at <paramref name="t"/> (ms).</summary>
    public void Write(double t, double u, double uBarPlus, double uBarMinus, double uBarBar)
    {
        _delayedPlus[_delayedIndex] = uBarPlus;
        _delayedMinus[_delayedIndex] = uBarMinus;
        _delayedIndex++;
        if (_delayedIndex == _delayedPlus.Length) _delayedIndex = 0;
        double delayedPlus = _delayedPlus[_delayedIndex];
        double delayedMinus = _delayedMinus[_delayedIndex];

        if (u > ThetaPlus && delayedPlus > ThetaMinus) AppendLtp(t, u, delayedPlus);
        if (delayedMinus > ThetaMinus) StoreLtd(t, delayedMinus, uBarBar);
    }

    private void StoreLtd(double t, double uBarMinus, double uBarBar)
    {
        if (Incoming == 0) return;
        double dw = ALtdConstant
            ? ALtd * (uBarMinus - ThetaMinus)
            : ALtd * uBarBar * uBarBar * (uBarMinus - ThetaMinus) / URefSquared;
        _ltdTimes[_ltdCurrent] = t;
        _ltdValues[_ltdCurrent] = dw;
        _ltdCurrent++;
        if (_ltdCurrent == _ltdTimes.Length) _ltdCurrent = 0;
    }

    private void AppendLtp(double t, double u, double uBarPlus)
    {
        if (Incoming == 0) return;
        _ltp.DropRead(Incoming);
        _ltp.Append(new WeightChangeEntry { T = t, Dw = ALtp * (u - ThetaPlus) * (uBarPlus - ThetaMinus) * Resolution });
    }

    /// <summary>The <paramref name="i"/>-th LTP entry, oldest first.</summary>
    public ref WeightChangeEntry LtpAt(int i) => ref _ltp.At(i);

    /// <summary>
    /// The LTP entries with <paramref name="t1"/> &lt; t &lt;= <paramref name="t2"/> (each time taken 1e-6 ms early, so an
    /// entry at a bound belongs to the later window), counted as read once more: the first index and one past the last.
    /// </summary>
    public (int Start, int End) ReadLtp(double t1, double t2) => _ltp.ReadWindow(t1, t2);

    /// <summary>The LTD weight change stored for the step ending at <paramref name="t"/> (ms), or 0 if there is none.</summary>
    public double LtdValue(double t)
    {
        if (t < 0.0) return 0.0;
        for (int i = 0; i < _ltdTimes.Length; i++)
            if (Math.Abs(t - _ltdTimes[i]) < TimeEps) return _ltdValues[i];
        return 0.0;
    }

    /// <summary>
    /// Writes what the history holds: the delayed ū± ring with its place, the LTD ring with its place and the LTP
    /// entries (the rule's parameters are configured again before every run).
    /// </summary>
    public void SaveCheckpoint(CheckpointWriter writer)
    {
        writer.Write(_delayedPlus);
        writer.Write(_delayedMinus);
        writer.Write(_delayedIndex);
        writer.Write(_ltdTimes);
        writer.Write(_ltdValues);
        writer.Write(_ltdCurrent);
        WeightChangeHistory.Save(writer, _ltp);
    }

    /// <summary>A history as <see cref="SaveCheckpoint"/> wrote it.</summary>
    public static ClopathHistory Restore(CheckpointReader reader)
    {
        double[] delayedPlus = reader.ReadDoubles(), delayedMinus = reader.ReadDoubles();
        int delayedIndex = reader.ReadInt();
        double[] ltdTimes = reader.ReadDoubles(), ltdValues = reader.ReadDoubles();
        int ltdCurrent = reader.ReadInt();
        if (delayedPlus.Length == 0 || delayedMinus.Length != delayedPlus.Length || (uint)delayedIndex >= (uint)delayedPlus.Length
            || ltdTimes.Length == 0 || ltdValues.Length != ltdTimes.Length || (uint)ltdCurrent >= (uint)ltdTimes.Length)
        {
            throw reader.Bad("a Clopath history's rings do not fit together");
        }
        var history = new ClopathHistory(delayedPlus.Length - 1, ltdTimes.Length) { _delayedIndex = delayedIndex, _ltdCurrent = ltdCurrent };
        delayedPlus.CopyTo(history._delayedPlus, 0);
        delayedMinus.CopyTo(history._delayedMinus, 0);
        ltdTimes.CopyTo(history._ltdTimes, 0);
        ltdValues.CopyTo(history._ltdValues, 0);
        WeightChangeHistory.Restore(reader, ref history._ltp);
        return history;
    }
}
