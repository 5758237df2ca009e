namespace NestSharp.Models.Neurons;

/// <summary>
/// One cm_default neuron (NEST's CompTree with its Compartments and CompartmentCurrents): a tree of compartments, each
/// with its capacitance, leak, coupling to its parent, Na and K channels and receptors, advanced one step at a time by
/// NEST's implicit (Crank-Nicolson-like, half of each conductance on each side) scheme, the linear system of the tree
/// solved in O(n) by Hines' elimination: a down-sweep from the leaves to the root, then an up-sweep.
/// <para>Compartment c (index = order of addition, the root first) stores its parent's index (-1 for the root), its
/// parameters (C_m nF, g_C uS, g_L uS, e_L mV, gbar_Na uS, e_Na mV, gbar_K uS, e_K mV) and state (v_comp mV, the gates
/// m, h, n). Receptor r (index = order of addition over the whole neuron) stores its compartment, its parameters and its
/// rise and decay conductances. The parent of a compartment has a smaller index, so index order visits parents before
/// their children.</para>
/// <para>A change of structure (<see cref="WithCompartment"/>, <see cref="WithReceptor"/>) makes a new tree and leaves
/// this one as it is, so that a status change that fails changes nothing.</para>
/// </summary>
internal sealed class CompartmentTree
{
    /// <summary>The empty tree (a new cm_default before compartments are added).</summary>
    public static readonly CompartmentTree Empty = new();

    // Per compartment: structure, parameters, state.
    private int[] _parent = [];
    private double[] _ca = [], _gc = [], _gl = [], _el = [], _gbarNa = [], _eNa = [], _gbarK = [], _eK = [];
    private double[] _v = [], _m = [], _h = [], _n = [];

    // Per receptor: parameters, compartment, peak normalisations (two per receptor), conductances (StateCount of four).
    private CmReceptorParameters[] _receptors = [];
    private int[] _receptorCompartment = [];
    private double[] _norm = [];
    private double[] _g = [];

    // Derived before a run (Prepare).
    private double _h0;
    private double[] _caOverDt = [], _glHalf = [], _gg0 = [], _gcHalf = [], _glTimesEl = [];
    private double[] _gg = [], _ff = [], _hh = [], _xx = [], _yy = [];
    private int[] _childStart = [], _children = [];
    private int[] _downOrder = [];
    private int[] _receptorStart = [], _receptorOrder = [];
    private double[] _propagator = [];
    private int[] _currentChannel = [], _spikeChannel = [];
    private string[]? _recordables;

    /// <summary>The number of compartments.</summary>
    public int Compartments => _parent.Length;

    /// <summary>The number of receptors (spike receptor ports 0 .. n-1).</summary>
    public int Receptors => _receptors.Length;

    /// <summary>The voltage of the root (compartment 0, the soma).</summary>
    public double RootVoltage => _v[0];

    /// <summary>The parent of compartment <paramref name="c"/> (-1 for the root).</summary>
    public int ParentOf(int c) => _parent[c];

    /// <summary>A copy with its own state (parameters and state; what Prepare derives is derived again).</summary>
    public CompartmentTree Clone() => new()
    {
        _parent = (int[])_parent.Clone(),
        _ca = (double[])_ca.Clone(), _gc = (double[])_gc.Clone(), _gl = (double[])_gl.Clone(), _el = (double[])_el.Clone(),
        _gbarNa = (double[])_gbarNa.Clone(), _eNa = (double[])_eNa.Clone(), _gbarK = (double[])_gbarK.Clone(), _eK = (double[])_eK.Clone(),
        _v = (double[])_v.Clone(), _m = (double[])_m.Clone(), _h = (double[])_h.Clone(), _n = (double[])_n.Clone(),
        _receptors = (CmReceptorParameters[])_receptors.Clone(), _receptorCompartment = (int[])_receptorCompartment.Clone(),
        _norm = (double[])_norm.Clone(), _g = (double[])_g.Clone(),
    };

    /// <summary>
    /// A copy with compartment <see cref="Compartments"/> added under <paramref name="parent"/> (-1: the root), with NEST's
    /// defaults and checks: C_m 1 nF, g_C 0.01 uS, g_L 0.1 uS, e_L -70 mV, v_comp -70 mV (not e_L), gbar_Na 0, e_Na 50 mV,
    /// gbar_K 0, e_K -85 mV; the gates start at their steady state of v_comp.
    /// </summary>
    public CompartmentTree WithCompartment(long parent, CompartmentParameters p, string? context = null)
    {
        if (parent >= 0)
        {
            if (parent >= Compartments)
                throw new UnknownCompartmentException(parent, "does not exist in tree, but was specified as a parent compartment", context);
        }
        else if (Compartments > 0)
        {
            throw new UnknownCompartmentException(0, ", the root, has already been instantiated", context);
        }
        var tree = Clone();
        tree._parent = [.. _parent, parent >= 0 ? (int)parent : -1];
        tree._ca = [.. _ca, p.Cm];
        tree._gc = [.. _gc, p.GC];
        tree._gl = [.. _gl, p.GL];
        tree._el = [.. _el, p.EL];
        tree._gbarNa = [.. _gbarNa, p.GbarNa];
        tree._eNa = [.. _eNa, p.ENa];
        tree._gbarK = [.. _gbarK, p.GbarK];
        tree._eK = [.. _eK, p.EK];
        tree._v = [.. _v, p.V];
        tree._m = [.. _m, CmChannels.SodiumM(p.V).Inf];
        tree._h = [.. _h, CmChannels.SodiumH(p.V).Inf];
        tree._n = [.. _n, CmChannels.PotassiumN(p.V).Inf];
        return tree;
    }

    /// <summary>A copy with receptor <see cref="Receptors"/> added to compartment <paramref name="compartment"/>.</summary>
    public CompartmentTree WithReceptor(long compartment, CmReceptorParameters p, string? context = null)
    {
        if (compartment < 0 || compartment >= Compartments) throw new UnknownCompartmentException(compartment, "does not exist in tree", context);
        var tree = Clone();
        tree._receptors = [.. _receptors, p];
        tree._receptorCompartment = [.. _receptorCompartment, (int)compartment];
        tree._norm = [.. _norm, CmChannels.PeakNormalisation(p.TauRise, p.TauDecay),
            p.Kind == CmReceptorKind.AmpaNmda ? CmChannels.PeakNormalisation(p.TauRise2, p.TauDecay2) : 0.0];
        tree._g = [.. _g, 0.0, 0.0, 0.0, 0.0];
        return tree;
    }

    /// <summary>Whether compartment <paramref name="compartment"/> exists.</summary>
    public bool HasCompartment(long compartment) => compartment >= 0 && compartment < Compartments;

    // ---------------------------------------------------------------- status

    /// <summary>NEST's "compartments": per compartment in index order, comp_idx and parent_idx.</summary>
    public Dictionary<string, object>[] CompartmentStatus()
    {
        var list = new Dictionary<string, object>[Compartments];
        for (int c = 0; c < list.Length; c++)
            list[c] = new Dictionary<string, object>(StringComparer.Ordinal) { ["comp_idx"] = (long)c, ["parent_idx"] = (long)_parent[c] };
        return list;
    }

    /// <summary>
    /// NEST's "receptors": per compartment in index order, its receptors by type (AMPA, GABA, NMDA, AMPA_NMDA) and
    /// within a type in order of addition, each with receptor_idx, comp_idx and receptor_type.
    /// </summary>
    public Dictionary<string, object>[] ReceptorStatus()
    {
        var list = new List<Dictionary<string, object>>(Receptors);
        foreach (int r in ReceptorsInNestOrder())
        {
            list.Add(new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["receptor_idx"] = (long)r,
                ["comp_idx"] = (long)_receptorCompartment[r],
                ["receptor_type"] = CmReceptorParameters.NameOf(_receptors[r].Kind),
            });
        }
        return [.. list];
    }

    /// <summary>The receptors grouped by compartment, then type, then index: the order NEST sums and lists them in.</summary>
    private int[] ReceptorsInNestOrder()
    {
        var order = new int[Receptors];
        for (int r = 0; r < order.Length; r++) order[r] = r;
        Array.Sort(order, (a, b) =>
        {
            int byCompartment = _receptorCompartment[a].CompareTo(_receptorCompartment[b]);
            if (byCompartment != 0) return byCompartment;
            int byKind = _receptors[a].Kind.CompareTo(_receptors[b].Kind);
            return byKind != 0 ? byKind : a.CompareTo(b);
        });
        return order;
    }

    /// <summary>
    /// The recordables: per compartment c v_comp{c}, m_Na_{c}, h_Na_{c}, n_K_{c}; then per receptor r its conductances
    /// (g_r_AMPA_{r}, g_d_AMPA_{r}, ...; AMPA_NMDA: g_r_AN_AMPA_{r}, g_d_AN_AMPA_{r}, g_r_AN_NMDA_{r}, g_d_AN_NMDA_{r}).
    /// </summary>
    public string[] RecordableNames()
    {
        if (_recordables is not null) return _recordables;
        var names = new List<string>(4 * Compartments + 2 * Receptors);
        for (int c = 0; c < Compartments; c++)
        {
            string s = c.ToString(System.Globalization.CultureInfo.InvariantCulture);
            names.Add("v_comp" + s);
            names.Add("m_Na_" + s);
            names.Add("h_Na_" + s);
            names.Add("n_K_" + s);
        }
        for (int r = 0; r < Receptors; r++) names.AddRange(_receptors[r].RecordableNames(r));
        return _recordables = [.. names];
    }

    /// <summary>The value of recordable <paramref name="index"/> of <see cref="RecordableNames"/>.</summary>
    public double ReadRecordable(int index)
    {
        int compartmentEntries = 4 * Compartments;
        if (index < compartmentEntries)
        {
            int c = index >> 2;
            return (index & 3) switch { 0 => _v[c], 1 => _m[c], 2 => _h[c], _ => _n[c] };
        }
        int k = index - compartmentEntries;
        for (int r = 0; r < Receptors; r++)
        {
            int count = _receptors[r].StateCount;
            if (k < count) return _g[4 * r + k];
            k -= count;
        }
        throw new ArgumentOutOfRangeException(nameof(index), index, "no such recordable");
    }

    // ---------------------------------------------------------------- simulation

    /// <summary>
    /// Derives what a run needs at resolution <paramref name="h"/> (NEST's pre_run_hook and init_pointers): the constant
    /// parts of the matrix, the children and leaves, the order of the down-sweep, the receptors of each compartment in
    /// NEST's order of summation and their propagators; <paramref name="currentChannel"/> and
    /// <paramref name="spikeChannel"/> are the ring channels of each compartment's current input and each receptor's
    /// spike input.
    /// </summary>
    public void Prepare(double h, int[] currentChannel, int[] spikeChannel)
    {
        int n = Compartments;
        if (n == 0) throw new UnknownCompartmentException(0, "does not exist in tree, meaning that no compartments have been added");
        _h0 = h;
        _currentChannel = currentChannel;
        _spikeChannel = spikeChannel;
        _caOverDt = new double[n];
        _glHalf = new double[n];
        _gg0 = new double[n];
        _gcHalf = new double[n];
        _glTimesEl = new double[n];
        for (int c = 0; c < n; c++)
        {
            _caOverDt[c] = _ca[c] / h;
            _glHalf[c] = _gl[c] / 2.0;
            _gg0[c] = _caOverDt[c] + _glHalf[c];
            _gcHalf[c] = _gc[c] / 2.0;
            _glTimesEl[c] = _gl[c] * _el[c];
        }
        _gg = new double[n];
        _ff = new double[n];
        _hh = new double[n];
        _xx = new double[n];
        _yy = new double[n];

        // Children in order of addition (compressed rows).
        _childStart = new int[n + 1];
        for (int c = 1; c < n; c++) _childStart[_parent[c] + 1]++;
        for (int c = 0; c < n; c++) _childStart[c + 1] += _childStart[c];
        _children = new int[Math.Max(0, n - 1)];
        var fill = (int[])_childStart.Clone();
        for (int c = 1; c < n; c++) _children[fill[_parent[c]]++] = c;

        // NEST's down-sweep: from each leaf in index order up to the first ancestor still waiting for another child.
        _downOrder = new int[n];
        var passed = new int[n];
        int k = 0;
        for (int leaf = 0; leaf < n; leaf++)
        {
            if (_childStart[leaf + 1] != _childStart[leaf]) continue;
            int c = leaf;
            while (true)
            {
                _downOrder[k++] = c;
                int p = _parent[c];
                if (p < 0 || ++passed[p] != _childStart[p + 1] - _childStart[p]) break;
                c = p;
            }
        }

        // Receptors per compartment in NEST's order of summation, and their propagators.
        _receptorOrder = ReceptorsInNestOrder();
        _receptorStart = new int[n + 1];
        foreach (int c in _receptorCompartment) _receptorStart[c + 1]++;
        for (int c = 0; c < n; c++) _receptorStart[c + 1] += _receptorStart[c];
        _propagator = new double[4 * Receptors];
        for (int r = 0; r < Receptors; r++)
        {
            var p = _receptors[r];
            _propagator[4 * r] = Math.Exp(-h / p.TauRise);
            _propagator[4 * r + 1] = Math.Exp(-h / p.TauDecay);
            if (p.Kind != CmReceptorKind.AmpaNmda) continue;
            _propagator[4 * r + 2] = Math.Exp(-h / p.TauRise2);
            _propagator[4 * r + 3] = Math.Exp(-h / p.TauDecay2);
        }
    }

    /// <summary>
    /// The lowest spike input of the step among the receptors, read from <paramref name="ring"/> at row offset
    /// <paramref name="row"/> (NEST refuses negative weights when a spike arrives).
    /// </summary>
    public double LowestSpikeInput(double[] ring, int row)
    {
        double lowest = 0.0;
        foreach (int channel in _spikeChannel) lowest = Math.Min(lowest, ring[row + channel]);
        return lowest;
    }

    /// <summary>Clears the inputs of the step (a frozen node consumes them unused).</summary>
    public void ClearInputs(double[] ring, int row)
    {
        foreach (int channel in _currentChannel) ring[row + channel] = 0.0;
        foreach (int channel in _spikeChannel) ring[row + channel] = 0.0;
    }

    /// <summary>
    /// One step (NEST's construct_matrix and solve_matrix): builds each compartment's row from the present voltages, the
    /// channels and receptors (which advance their state) and the current input, then solves the tree. The inputs of the
    /// step are read from <paramref name="ring"/> at row offset <paramref name="row"/> and cleared.
    /// </summary>
    public void Step(double[] ring, int row)
    {
        int n = Compartments;
        double[] v = _v;
        for (int c = 0; c < n; c++)
        {
            double gg = _gg0[c];
            int parent = _parent[c];
            if (parent >= 0)
            {
                gg += _gcHalf[c];
                _hh[c] = -_gcHalf[c];
            }
            int childEnd = _childStart[c + 1];
            for (int j = _childStart[c]; j < childEnd; j++) gg += _gcHalf[_children[j]];

            double ff = (_caOverDt[c] - _glHalf[c]) * v[c] + _glTimesEl[c];
            if (parent >= 0) ff -= _gcHalf[c] * (v[c] - v[parent]);
            for (int j = _childStart[c]; j < childEnd; j++)
            {
                int child = _children[j];
                ff -= _gcHalf[child] * (v[c] - v[child]);
            }

            var (gSum, iSum) = Currents(c, v[c], ring, row);
            gg += gSum;
            ff += iSum;
            ref double current = ref ring[row + _currentChannel[c]];
            ff += current;
            current = 0.0;
            _gg[c] = gg;
            _ff[c] = ff;
        }
        Solve();
    }

    /// <summary>The conductance and current terms of compartment <paramref name="c"/>'s channels and receptors (NEST's f_numstep).</summary>
    private (double G, double I) Currents(int c, double v, double[] ring, int row)
    {
        double gSum = 0.0, iSum = 0.0;
        double h = _h0;
        if (_gbarNa[c] > CmChannels.Off)
        {
            var (mInf, tauM) = CmChannels.SodiumM(v);
            var (hInf, tauH) = CmChannels.SodiumH(v);
            double pM = Math.Exp(-h / tauM);
            _m[c] *= pM;
            _m[c] += (1.0 - pM) * mInf;
            double pH = Math.Exp(-h / tauH);
            _h[c] *= pH;
            _h[c] += (1.0 - pH) * hInf;
            double gNa = _gbarNa[c] * Math.Pow(_m[c], 3) * _h[c];
            gSum += gNa / 2.0;
            iSum += gNa * (_eNa[c] - v / 2.0);
        }
        if (_gbarK[c] > CmChannels.Off)
        {
            var (nInf, tauN) = CmChannels.PotassiumN(v);
            double pN = Math.Exp(-h / tauN);
            _n[c] *= pN;
            _n[c] += (1.0 - pN) * nInf;
            double gK = _gbarK[c] * _n[c];
            gSum += gK / 2.0;
            iSum += gK * (_eK[c] - v / 2.0);
        }
        int end = _receptorStart[c + 1];
        for (int j = _receptorStart[c]; j < end; j++)
        {
            int r = _receptorOrder[j];
            ref double spikes = ref ring[row + _spikeChannel[r]];
            double input = spikes;
            spikes = 0.0;
            var (g, i) = Receptor(r, v, input);
            gSum += g;
            iSum += i;
        }
        return (gSum, iSum);
    }

    /// <summary>Advances receptor <paramref name="r"/> by one step with <paramref name="input"/> arriving and returns its terms.</summary>
    private (double G, double I) Receptor(int r, double v, double input)
    {
        var p = _receptors[r];
        int s = 4 * r;
        double[] g = _g, prop = _propagator;
        g[s] *= prop[s];
        g[s + 1] *= prop[s + 1];
        double dITotDv, iTot;
        if (p.Kind == CmReceptorKind.AmpaNmda)
        {
            g[s + 2] *= prop[s + 2];
            g[s + 3] *= prop[s + 3];
            double jump = input * _norm[2 * r];
            g[s] -= jump;
            g[s + 1] += jump;
            jump = input * _norm[2 * r + 1];
            g[s + 2] -= jump;
            g[s + 3] += jump;
            double gAmpa = g[s] + g[s + 1], gNmda = g[s + 2] + g[s + 3];
            var (sigmoid, derivative) = CmChannels.NmdaSigmoid(v);
            iTot = (gAmpa + p.NmdaRatio * gNmda * sigmoid) * (p.Reversal - v);
            dITotDv = -gAmpa + p.NmdaRatio * gNmda * (derivative * (p.Reversal - v) - sigmoid);
        }
        else
        {
            double jump = input * _norm[2 * r];
            g[s] -= jump;
            g[s + 1] += jump;
            double total = g[s] + g[s + 1];
            if (p.Kind == CmReceptorKind.Nmda)
            {
                var (sigmoid, derivative) = CmChannels.NmdaSigmoid(v);
                iTot = total * sigmoid * (p.Reversal - v);
                dITotDv = total * (derivative * (p.Reversal - v) - sigmoid);
            }
            else
            {
                iTot = total * (p.Reversal - v);
                dITotDv = -total;
            }
        }
        double gVal = -dITotDv / 2.0;
        return (gVal, iTot + gVal * v);
    }

    /// <summary>Hines' elimination in NEST's order: the down-sweep gathers each child into its parent, the up-sweep sets the voltages.</summary>
    private void Solve()
    {
        foreach (int c in _downOrder)
        {
            _gg[c] -= _xx[c];
            _ff[c] -= _yy[c];
            int parent = _parent[c];
            if (parent < 0) continue;
            _xx[parent] += _hh[c] * _hh[c] / _gg[c];
            _yy[parent] += _ff[c] * _hh[c] / _gg[c];
        }
        int n = Compartments;
        for (int c = 0; c < n; c++)
        {
            _xx[c] = 0.0;
            _yy[c] = 0.0;
            int parent = _parent[c];
            double vIn = parent < 0 ? 0.0 : _v[parent];
            _v[c] = (_ff[c] - vIn * _hh[c]) / _gg[c];
        }
    }

    // ---------------------------------------------------------------- checkpoints

    /// <summary>Writes the tree (structure, parameters, state).</summary>
    public void Save(CheckpointWriter writer)
    {
        writer.Write(_parent);
        foreach (var column in new[] { _ca, _gc, _gl, _el, _gbarNa, _eNa, _gbarK, _eK, _v, _m, _h, _n }) writer.Write(column);
        writer.Write(Receptors);
        foreach (var p in _receptors)
        {
            writer.Write((int)p.Kind);
            writer.Write([p.Reversal, p.TauRise, p.TauDecay, p.TauRise2, p.TauDecay2, p.NmdaRatio]);
        }
        writer.Write(_receptorCompartment);
        writer.Write(_norm);
        writer.Write(_g);
    }

    /// <summary>Reads what <see cref="Save"/> wrote.</summary>
    public static CompartmentTree Restore(CheckpointReader reader)
    {
        var tree = new CompartmentTree { _parent = reader.ReadInts() };
        int n = tree._parent.Length;
        double[] Column()
        {
            double[] values = reader.ReadDoubles();
            return values.Length == n ? values : throw reader.Bad($"a cm_default compartment column has {values.Length} values for {n} compartments");
        }
        tree._ca = Column(); tree._gc = Column(); tree._gl = Column(); tree._el = Column();
        tree._gbarNa = Column(); tree._eNa = Column(); tree._gbarK = Column(); tree._eK = Column();
        tree._v = Column(); tree._m = Column(); tree._h = Column(); tree._n = Column();
        int receptors = reader.ReadInt();
        if (receptors < 0) throw reader.Bad($"cm_default has {receptors} receptors");
        tree._receptors = new CmReceptorParameters[receptors];
        for (int r = 0; r < receptors; r++)
        {
            int kind = reader.ReadInt();
            double[] p = reader.ReadDoubles();
            if (kind is < 0 or > 3 || p.Length != 6) throw reader.Bad($"cm_default receptor {r} is damaged");
            tree._receptors[r] = new CmReceptorParameters((CmReceptorKind)kind, p[0], p[1], p[2], p[3], p[4], p[5]);
        }
        tree._receptorCompartment = reader.ReadInts();
        tree._norm = reader.ReadDoubles();
        tree._g = reader.ReadDoubles();
        if (tree._receptorCompartment.Length != receptors || tree._norm.Length != 2 * receptors || tree._g.Length != 4 * receptors)
            throw reader.Bad("cm_default's receptor state does not match its receptors");
        return tree;
    }
}

/// <summary>The parameters of a new compartment of cm_default, with NEST's defaults (see <see cref="CompartmentTree.WithCompartment"/>).</summary>
internal readonly record struct CompartmentParameters(
    double Cm, double GC, double GL, double EL, double V, double GbarNa, double ENa, double GbarK, double EK)
{
    /// <summary>NEST's defaults.</summary>
    public static readonly CompartmentParameters Default = new(1.0, 0.01, 0.1, -70.0, -70.0, 0.0, 50.0, 0.0, -85.0);

    /// <summary>The keys a compartment's "params" may have.</summary>
    public static readonly string[] Keys = ["C_m", "g_C", "g_L", "e_L", "v_comp", "gbar_Na", "e_Na", "gbar_K", "e_K"];

    /// <summary>The defaults with what <paramref name="values"/> gives.</summary>
    public static CompartmentParameters Read(IReadOnlyDictionary<string, object> values)
    {
        double Take(string key, double value) => values.TryGetValue(key, out var given) ? StatusValue.ToDouble(key, given) : value;
        var d = Default;
        return new CompartmentParameters(Take("C_m", d.Cm), Take("g_C", d.GC), Take("g_L", d.GL), Take("e_L", d.EL), Take("v_comp", d.V),
            Take("gbar_Na", d.GbarNa), Take("e_Na", d.ENa), Take("gbar_K", d.GbarK), Take("e_K", d.EK));
    }
}
