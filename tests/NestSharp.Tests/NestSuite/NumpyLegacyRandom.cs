namespace NestSharp.Tests.NestSuite;

/// <summary>
/// numpy's legacy global generator (np.random.seed / rand / randn / uniform, numpy's RandomState): the 32-bit Mersenne
/// Twister MT19937 seeded as numpy seeds it from an integer (Matsumoto and Nishimura's init_genrand), doubles of 53
/// bits from two draws, and the polar Box-Muller method of legacy randn that keeps the second normal for the next call.
/// NEST's e-prop tests draw their weights and inputs from it, so their expected values can be checked exactly.
/// </summary>
internal sealed class NumpyLegacyRandom
{
    private const int N = 624, M = 397;
    private readonly uint[] _mt = new uint[N];
    private int _pos;
    private bool _hasGauss;
    private double _gauss;

    /// <summary>np.random.seed(seed).</summary>
    public NumpyLegacyRandom(uint seed)
    {
        _mt[0] = seed;
        for (int i = 1; i < N; i++) _mt[i] = 1812433253u * (_mt[i - 1] ^ (_mt[i - 1] >> 30)) + (uint)i;
        _pos = N;
    }

    private uint NextUInt32()
    {
        if (_pos == N) Generate();
        uint y = _mt[_pos++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        y ^= y >> 18;
        return y;
    }

    private void Generate()
    {
        for (int k = 0; k < N; k++)
        {
            uint y = (_mt[k] & 0x80000000u) | (_mt[(k + 1) % N] & 0x7fffffffu);
            _mt[k] = _mt[(k + M) % N] ^ (y >> 1) ^ ((y & 1u) != 0 ? 0x9908b0dfu : 0u);
        }
        _pos = 0;
    }

    /// <summary>One np.random.rand() value in [0, 1).</summary>
    public double NextDouble()
    {
        uint a = NextUInt32() >> 5, b = NextUInt32() >> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /// <summary>One np.random.randn() value.</summary>
    public double NextGaussian()
    {
        if (_hasGauss)
        {
            _hasGauss = false;
            return _gauss;
        }
        double x1, x2, r2;
        do
        {
            x1 = 2.0 * NextDouble() - 1.0;
            x2 = 2.0 * NextDouble() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        }
        while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.Sqrt(-2.0 * Math.Log(r2) / r2);
        _gauss = f * x1;
        _hasGauss = true;
        return f * x2;
    }

    /// <summary>np.random.randn(rows, columns) (C order).</summary>
    public double[,] Randn(int rows, int columns)
    {
        var values = new double[rows, columns];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++) values[i, j] = NextGaussian();
        return values;
    }

    /// <summary>np.random.rand(rows, columns) (C order).</summary>
    public double[,] Rand(int rows, int columns)
    {
        var values = new double[rows, columns];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++) values[i, j] = NextDouble();
        return values;
    }

    /// <summary>np.random.uniform(low, high) (one value).</summary>
    public double Uniform(double low, double high) => low + (high - low) * NextDouble();

    /// <summary>
    /// np.random.randint(0, high) (and np.random.choice of high items without p): the legacy masked rejection sampling
    /// on 32-bit draws (ranges below 2^32 only).
    /// </summary>
    public long RandInt(long high)
    {
        uint range = (uint)(high - 1);
        if (range == 0) return 0;
        uint mask = range;
        mask |= mask >> 1;
        mask |= mask >> 2;
        mask |= mask >> 4;
        mask |= mask >> 8;
        mask |= mask >> 16;
        uint value;
        do value = NextUInt32() & mask;
        while (value > range);
        return value;
    }

    /// <summary>np.random.choice(len(p), p=p) for one item: the first index whose cumulative (normalised) probability exceeds a uniform draw.</summary>
    public int Choice(double[] p)
    {
        var cdf = new double[p.Length];
        double sum = 0.0;
        for (int i = 0; i < p.Length; i++) cdf[i] = sum += p[i];
        for (int i = 0; i < p.Length; i++) cdf[i] /= sum;
        double u = NextDouble();
        int index = 0;
        while (index < cdf.Length && cdf[index] <= u) index++;
        return index;
    }
}
