namespace NestSharp.Models.Neurons;

/// <summary>
/// A sum of exponentially decaying elements that each spike of the neuron increments, as NEST's generalized models keep
/// them (gif_psc_exp: the spike-triggered current, tau_stc/q_stc, and the threshold movement, tau_sfa/q_sfa;
/// pp_psc_delta: tau_sfa/q_sfa). Per node: the time constants and jumps (two arrays of equal length, NEST's array
/// parameters, checked and shown under their keys) and the elements themselves. At every run the elements take the
/// length of the time constants, keeping the values they had (new ones start at 0), as in NEST. Kept outside the
/// group's columns (<see cref="NeuronGroup.KeepOutsideColumns{TState}"/>), alone (pp_psc_delta) or in pairs
/// (<see cref="GifAdaptation"/>).
/// </summary>
internal sealed class SpikeTriggeredElements : IStateOutsideColumns
{
    private readonly string _tauKey, _jumpKey;
    private readonly bool _acceptsNumbers;
    private readonly double[][] _tau, _jump, _elements;

    /// <summary>Per node: whether the status shows the first pair as two numbers (pp_psc_delta after a Set with numbers).</summary>
    private readonly bool[] _shownAsNumbers;
    private double[][] _decay = [];

    /// <param name="tauKey">The status key of the time constants (ms).</param>
    /// <param name="jumpKey">The status key of the jumps per spike.</param>
    /// <param name="count">The number of nodes.</param>
    /// <param name="acceptsNumbers">
    /// Whether a Set may give the pair as two numbers (NEST's pp_psc_delta): the pair is then appended to the node's
    /// arrays, and from then on the status shows the first pair as numbers (0 and 0 when there is none).
    /// </param>
    public SpikeTriggeredElements(string tauKey, string jumpKey, int count, bool acceptsNumbers = false)
    {
        _tauKey = tauKey;
        _jumpKey = jumpKey;
        _acceptsNumbers = acceptsNumbers;
        _shownAsNumbers = new bool[count];
        _tau = new double[count][];
        _jump = new double[count][];
        _elements = new double[count][];
        Array.Fill(_tau, []);
        Array.Fill(_jump, []);
        Array.Fill(_elements, []);
    }

    /// <summary>The keys of the time constants and of the jumps.</summary>
    public IReadOnlyList<string> Keys => [_tauKey, _jumpKey];

    public bool Owns(string key) => key == _tauKey || key == _jumpKey;

    public void WriteStatus(int position, Dictionary<string, object> status)
    {
        if (_shownAsNumbers[position])
        {
            bool any = _tau[position].Length > 0;
            status[_tauKey] = any ? _tau[position][0] : 0.0;
            status[_jumpKey] = any ? _jump[position][0] : 0.0;
            return;
        }
        status[_tauKey] = (double[])_tau[position].Clone();
        status[_jumpKey] = (double[])_jump[position].Clone();
    }

    /// <summary>Checks the new arrays in <paramref name="values"/> for the node at <paramref name="position"/> (with its current ones) and returns the commit.</summary>
    public Action Stage(int position, IReadOnlyDictionary<string, object> values)
    {
        bool hasTau = values.TryGetValue(_tauKey, out var tauValue), hasJump = values.TryGetValue(_jumpKey, out var jumpValue);
        if (_acceptsNumbers && (IsNumber(tauValue) || IsNumber(jumpValue)))
        {
            if (!hasTau || !hasJump || !IsNumber(tauValue) || !IsNumber(jumpValue))
            {
                throw new BadPropertyException(hasTau ? _tauKey : _jumpKey, hasTau ? tauValue : jumpValue,
                    $"'{_tauKey}' and '{_jumpKey}' given as numbers add one element and must be given together, both as numbers");
            }
            double tauOne = StatusValue.ToDouble(_tauKey, tauValue), jumpOne = StatusValue.ToDouble(_jumpKey, jumpValue);
            if (!(tauOne > 0)) throw new BadPropertyException(_tauKey, tauOne, "all time constants must be strictly positive");
            double[] appendedTau = [.. _tau[position], tauOne], appendedJump = [.. _jump[position], jumpOne];
            return () =>
            {
                _tau[position] = appendedTau;
                _jump[position] = appendedJump;
                _shownAsNumbers[position] = true;
            };
        }
        double[] tau = hasTau ? StatusValue.ToDoubleArray(_tauKey, tauValue) : _tau[position];
        double[] jump = hasJump ? StatusValue.ToDoubleArray(_jumpKey, jumpValue) : _jump[position];
        if (tau.Length != jump.Length)
        {
            throw new BadPropertyException(_tauKey, tau,
                $"'{_tauKey}' and '{_jumpKey}' must have the same length ({_tauKey} has {tau.Length} entries, {_jumpKey} has {jump.Length})");
        }
        foreach (double tj in tau)
        {
            if (!(tj > 0)) throw new BadPropertyException(_tauKey, tau, "all time constants must be strictly positive");
        }
        return () =>
        {
            _tau[position] = tau;
            _jump[position] = jump;
        };
    }

    private static bool IsNumber(object? value) => value is double or float or int or long;

    public void CopyDefaultsFrom(IStateOutsideColumns prototype) => CopyDefaultsFrom((SpikeTriggeredElements)prototype);

    /// <summary>Gives every node the time constants and jumps of node 0 of <paramref name="prototype"/> and how it shows them.</summary>
    public void CopyDefaultsFrom(SpikeTriggeredElements prototype)
    {
        Array.Fill(_shownAsNumbers, prototype._shownAsNumbers[0]);
        Array.Fill(_tau, prototype._tau[0]);
        Array.Fill(_jump, prototype._jump[0]);
    }

    /// <summary>
    /// Writes every node's time constants, jumps, elements and how the status shows them, in node-id order (a restore
    /// may lay the nodes of <paramref name="group"/> out differently).
    /// </summary>
    public void SaveCheckpoint(CheckpointWriter writer, NeuronGroup group)
    {
        for (int local = 0; local < group.Count; local++)
        {
            int position = group.PositionOf(local);
            writer.Write(_shownAsNumbers[position]);
            writer.Write(_tau[position]);
            writer.Write(_jump[position]);
            writer.Write(_elements[position]);
        }
    }

    /// <summary>Reads what <see cref="SaveCheckpoint"/> wrote into the layout of <paramref name="group"/>.</summary>
    public void RestoreCheckpoint(CheckpointReader reader, NeuronGroup group)
    {
        for (int local = 0; local < group.Count; local++)
        {
            int position = group.PositionOf(local);
            bool shownAsNumbers = reader.ReadBool();
            double[] tau = reader.ReadDoubles(), jump = reader.ReadDoubles(), elements = reader.ReadDoubles();
            if (tau.Length != jump.Length)
                throw reader.Bad($"{group.Model.Name} node {group.IdOf(position)} has {tau.Length} values of '{_tauKey}' and {jump.Length} of '{_jumpKey}'");
            if (!group.Restores(local)) continue;
            _shownAsNumbers[position] = shownAsNumbers;
            _tau[position] = tau;
            _jump[position] = jump;
            _elements[position] = elements;
        }
    }

    /// <summary>Computes the decay factors per step and gives every node's elements the length of its time constants.</summary>
    public void Prepare(double h)
    {
        _decay = new double[_tau.Length][];
        for (int i = 0; i < _tau.Length; i++)
        {
            if (i > 0 && ReferenceEquals(_tau[i], _tau[i - 1]))
            {
                _decay[i] = _decay[i - 1];
            }
            else
            {
                _decay[i] = new double[_tau[i].Length];
                for (int j = 0; j < _tau[i].Length; j++) _decay[i][j] = Math.Exp(-h / _tau[i][j]);
            }
            if (_elements[i].Length != _tau[i].Length)
            {
                var resized = _elements[i];
                Array.Resize(ref resized, _tau[i].Length);
                _elements[i] = resized;
            }
        }
    }

    /// <summary>Returns <paramref name="start"/> plus the elements of the node at <paramref name="position"/>, then lets them decay by one step.</summary>
    public double SumAndDecay(int position, double start)
    {
        double sum = start;
        double[] elements = _elements[position], decay = _decay[position];
        for (int j = 0; j < elements.Length; j++)
        {
            sum += elements[j];
            elements[j] = decay[j] * elements[j];
        }
        return sum;
    }

    /// <summary>Lets the elements of the node at <paramref name="position"/> decay by one step, then returns their sum (pp_psc_delta's order).</summary>
    public double DecayAndSum(int position)
    {
        double sum = 0.0;
        double[] elements = _elements[position], decay = _decay[position];
        for (int j = 0; j < elements.Length; j++)
        {
            elements[j] = decay[j] * elements[j];
            sum += elements[j];
        }
        return sum;
    }

    /// <summary>A spike of the node at <paramref name="position"/>: every element jumps by its q.</summary>
    public void Kick(int position)
    {
        double[] elements = _elements[position], jump = _jump[position];
        for (int j = 0; j < elements.Length; j++) elements[j] += jump[j];
    }

    /// <summary><paramref name="count"/> spikes of the node at <paramref name="position"/> in one step: every element jumps by count · q.</summary>
    public void Kick(int position, int count)
    {
        double[] elements = _elements[position], jump = _jump[position];
        for (int j = 0; j < elements.Length; j++) elements[j] += jump[j] * count;
    }
}
