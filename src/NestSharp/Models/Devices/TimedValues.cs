namespace NestSharp.Models.Devices;

/// <summary>Where node <paramref name="node"/> keeps its <see cref="TimedValues{TInForce}"/>.</summary>
internal delegate ref TimedValues<TInForce> TimedValuesOf<TNode, TInForce>(TNode node);

/// <summary>
/// The table of a device whose value changes at given times (the amplitudes of step_current_generator and
/// step_rate_generator, inhomogeneous_poisson_generator's rates): the values, allow_offgrid_times, the times on the grid, what the status
/// change being made gave, and per thread the next entry and the value in force (of type
/// <typeparamref name="TInForce"/>). A node keeps it as a field: a struct, so that the step loop reads its arrays as
/// directly as a node's own fields, and a node's clone copies it as it copies the node's fields.
/// </summary>
internal struct TimedValues<TInForce>
{
    /// <summary>An empty table: no times, no values.</summary>
    public TimedValues() { }

    /// <summary>The values (amplitude_values, rate_values).</summary>
    public double[] Values = [];

    /// <summary>allow_offgrid_times.</summary>
    public bool AllowOffgridTimes;

    /// <summary>The steps at whose end each value starts (absolute step numbers).</summary>
    public long[] Steps = [];

    /// <summary>Those times in ms, as the grid holds them.</summary>
    public double[] TimesOnGrid = [];

    /// <summary>Per thread: the next value to take.</summary>
    public int[] Next = [];

    /// <summary>Per thread: the value in force.</summary>
    public TInForce[] InForce = [];

    /// <summary>The times the status change being made gave (ms, as given).</summary>
    public double[] GivenTimes = [];

    /// <summary>What the status change being made gave: the times, the values, another allow_offgrid_times.</summary>
    public bool TimesGiven, ValuesGiven, OffgridChanged;

    /// <summary>
    /// Adds the keys of the times (<paramref name="timesKey"/>), the values (<paramref name="valuesKey"/>) and
    /// allow_offgrid_times to <paramref name="keys"/>; a node's table is <paramref name="of"/>.
    /// </summary>
    public static DeviceKeys<TNode> Declare<TNode>(DeviceKeys<TNode> keys, string timesKey, string valuesKey, TimedValuesOf<TNode, TInForce> of)
        where TNode : DeviceNode =>
        keys.Custom(timesKey, n => of(n).TimesOnGrid.ToArray(), (n, key, value) =>
            {
                ref var table = ref of(n);
                table.GivenTimes = StatusValue.ToDoubleArray(key, value);
                table.TimesGiven = true;
            }, isArray: true)
            .Reals(valuesKey, n => of(n).Values, (n, v) =>
            {
                ref var table = ref of(n);
                table.Values = v;
                table.ValuesGiven = true;
            })
            .Boolean("allow_offgrid_times", n => of(n).AllowOffgridTimes, (n, v) =>
            {
                ref var table = ref of(n);
                table.OffgridChanged = v != table.AllowOffgridTimes;
                table.AllowOffgridTimes = v;
            });

    /// <summary>
    /// The checks NEST's step_current_generator and step_rate_generator make of a status change (same rules, messages
    /// naming <paramref name="model"/>): times and values are set together and have the same length;
    /// allow_offgrid_times changes only with them or while there are no times; each time is strictly positive and
    /// finite, on the grid unless allow_offgrid_times (then it moves to the end of its step), and in a later step than
    /// the one before. New times become the table's steps (<see cref="SetSteps"/>).
    /// </summary>
    /// <param name="grid">The time grid.</param>
    /// <param name="timesKey">The key of the times (amplitude_times).</param>
    /// <param name="valuesKey">The key of the values (amplitude_values).</param>
    /// <param name="model">The model's name, as NEST's messages give it.</param>
    public void CheckAmplitudeSteps(TimeGrid grid, string timesKey, string valuesKey, string model)
    {
        if (TimesGiven != ValuesGiven)
            throw new BadPropertyException(TimesGiven ? timesKey : valuesKey, "given alone", "Amplitude times and values must be reset together.");
        if (OffgridChanged && !TimesGiven && Steps.Length > 0)
        {
            throw new BadPropertyException("allow_offgrid_times", AllowOffgridTimes,
                $"allow_offgrid_times can only be changed before {timesKey} have been set, or together with {timesKey} and {valuesKey}.");
        }
        int times = TimesGiven ? GivenTimes.Length : Steps.Length;
        if (times != Values.Length)
        {
            throw new BadPropertyException(valuesKey, Values,
                $"Amplitude times and values have to be the same size ({times} times, {Values.Length} values).");
        }
        if (!TimesGiven) return;
        var steps = new long[GivenTimes.Length];
        for (int i = 0; i < GivenTimes.Length; i++)
        {
            double t = GivenTimes[i];
            if (!(t > 0) || DeviceNode.IsInfiniteTime(t, grid))
                throw new BadPropertyException(timesKey, t, "Amplitude can only be changed at strictly positive (finite) times (t > 0).");
            long step = GridTimes.StepEndingAt(t, grid, AllowOffgridTimes, timesKey, model + ": ", ".");
            if (i > 0 && step <= steps[i - 1])
                throw new BadPropertyException(timesKey, t, $"{model}: amplitude times must be at strictly increasing time steps.");
            steps[i] = step;
        }
        SetSteps(steps, grid);
    }

    /// <summary>Forgets what a status change gave (a fresh copy of a node starts with nothing given).</summary>
    public void ForgetGiven() => TimesGiven = ValuesGiven = OffgridChanged = false;

    /// <summary>No thread has a place yet (a reset: the places are made again before the next run).</summary>
    public void ClearPlaces()
    {
        Next = [];
        InForce = [];
    }

    /// <summary>New times on the grid: every thread starts again from the first (the value in force is kept, as in NEST).</summary>
    public void SetSteps(long[] steps, TimeGrid grid)
    {
        Steps = steps;
        TimesOnGrid = Array.ConvertAll(steps, grid.StepToMs);
        Next = new int[Next.Length];
    }

    /// <summary>
    /// At the start of a slice whose first step is <paramref name="firstStep"/>: moves <paramref name="thread"/> past
    /// the values whose step ended before it (times set after they were due are skipped, as in NEST).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void SkipPassed(int thread, long firstStep)
    {
        ref int next = ref Next[thread];
        while (next < Steps.Length && Steps[next] <= firstStep) next++;
    }

    /// <summary>
    /// What is in force for <paramref name="thread"/> in step <paramref name="step"/>: the next value, taken from
    /// <paramref name="byEntry"/> (one element per entry of the table), when its time is the end of the step; otherwise
    /// what was in force before.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly TInForce InForceIn(int thread, long step, TInForce[] byEntry)
    {
        ref int next = ref Next[thread];
        ref TInForce inForce = ref InForce[thread];
        if (next < Steps.Length && step + 1 == Steps[next]) inForce = byEntry[next++];
        return inForce;
    }

    /// <summary>Thread 0's next value (0 before any run): every thread's is the same, so a checkpoint keeps this one.</summary>
    public readonly int FirstNext => Next.Length > 0 ? Next[0] : 0;

    /// <summary>Thread 0's value in force, or <paramref name="none"/> before any run.</summary>
    public readonly TInForce FirstInForce(TInForce none) => InForce.Length > 0 ? InForce[0] : none;

    /// <summary>
    /// Saves the place of thread 0 (every thread's is the same, so a checkpoint keeps one): the next value, and the
    /// value in force as <paramref name="saved"/> writes it (<paramref name="none"/> before any run).
    /// </summary>
    public readonly void SavePlace(CheckpointWriter writer, TInForce none, Func<TInForce, double> saved)
    {
        writer.Write(FirstNext);
        writer.Write(saved(FirstInForce(none)));
    }

    /// <summary>
    /// Reads what <see cref="SavePlace"/> wrote, the value in force back from <paramref name="inForce"/>, as one place
    /// for all threads; <see cref="SpreadOver"/> gives it to each thread.
    /// </summary>
    public void RestorePlace(CheckpointReader reader, Func<double, TInForce> inForce)
    {
        Next = [reader.ReadInt()];
        InForce = [inForce(reader.ReadDouble())];
    }

    /// <summary>
    /// Gives each of <paramref name="threads"/> the place of thread 0 (a new node: the first value, with
    /// <paramref name="none"/> in force; a restored node: the place it was saved at), unless each has one already.
    /// </summary>
    public void SpreadOver(int threads, TInForce none)
    {
        if (Next.Length == threads) return;
        int next = FirstNext;
        var inForce = FirstInForce(none);
        Next = new int[threads];
        InForce = new TInForce[threads];
        Array.Fill(Next, next);
        Array.Fill(InForce, inForce);
    }
}
