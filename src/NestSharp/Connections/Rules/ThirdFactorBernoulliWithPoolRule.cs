namespace NestSharp.Connections.Rules;

/// <summary>
/// third_factor_bernoulli_with_pool (NEST's ThirdBernoulliWithPoolBuilder): each primary connection gets a
/// third-factor node with probability <c>p</c> (default 1), picked uniformly from the target's pool of
/// <c>pool_size</c> third-factor nodes (default: the whole third-factor population). <c>pool_type</c> "random"
/// (default) draws each target's pool once, <c>pool_size</c> distinct nodes, when its first third-factor connection is
/// made; "block" gives the targets consecutive pools in order: with pool_size 1, blocks of size(targets) /
/// size(third) targets share one node (size(targets) must be a multiple of size(third)); with a larger pool_size,
/// target i has nodes i·pool_size to (i+1)·pool_size − 1 (size(targets) · pool_size must equal size(third)).
/// </summary>
[ThirdFactorRuleName("third_factor_bernoulli_with_pool")]
internal sealed class ThirdFactorBernoulliWithPoolRule : ThirdFactorRule
{
    private readonly double _p = 1.0;
    private readonly long? _requestedPoolSize;
    private readonly string _poolType = "random";
    private int _poolSize;
    private int _targetsPerThird;

    public ThirdFactorBernoulliWithPoolRule(ConnSpec spec) : base(spec, "p", "pool_type", "pool_size")
    {
        if (spec.Parameters.TryGetValue("p", out var p)) _p = StatusValue.ToDouble("p", p is ConstantParameter c ? c.Value : p);
        if (spec.Parameters.TryGetValue("pool_size", out var size)) _requestedPoolSize = StatusValue.ToLong("pool_size", size);
        if (spec.Parameters.TryGetValue("pool_type", out var type)) _poolType = StatusValue.ToStringValue("pool_type", type);
    }

    private bool RandomPool => _poolType == "random";

    /// <summary>NEST's checks, in NEST's order: pool_size, pool_type, p, then whether block pools fit the populations.</summary>
    public override void Check(int targetCount, int thirdCount)
    {
        long poolSize = _requestedPoolSize ?? thirdCount;
        if (poolSize < 1 || poolSize > thirdCount)
            throw new BadPropertyException("pool_size", poolSize, $"a pool size 1 <= pool_size <= size of the third-factor population ({thirdCount})");
        CheckParameters();
        bool fits = RandomPool || (long)targetCount * poolSize == thirdCount || (poolSize == 1 && targetCount % thirdCount == 0);
        if (!fits)
        {
            throw new BadPropertyException("pool_size", poolSize,
                $"block pools that fit the populations ({targetCount} targets, {thirdCount} third-factor nodes): with pool_size 1 the number of " +
                "targets must be a multiple of the number of third-factor nodes, with pool_size > 1 size(targets) * pool_size == size(third factor); " +
                "otherwise use random pools");
        }
        _poolSize = (int)poolSize;
        _targetsPerThird = targetCount / thirdCount;
    }

    /// <summary>pool_type and p, which need no population sizes.</summary>
    public override void CheckParameters()
    {
        if (_poolType is not ("random" or "block"))
            throw new BadPropertyException("pool_type", _poolType, "'random' or 'block'");
        if (!(_p >= 0 && _p <= 1))
            throw new BadPropertyException("p", _p, "a conditional probability of a third-factor connection 0 <= p <= 1");
        if (_requestedPoolSize < 1)
            throw new BadPropertyException("pool_size", _requestedPoolSize, "a pool size 1 <= pool_size <= size of the third-factor population");
    }

    public override void Choose(int targetIndex, int thirdCount, ref RandomStream stream, Span<int> thirdOf)
    {
        int[]? pool = null;
        for (int i = 0; i < thirdOf.Length; i++)
        {
            if (!(stream.NextDouble() < _p))
            {
                thirdOf[i] = -1;
                continue;
            }
            if (RandomPool) pool ??= RandomPoolOf(thirdCount, ref stream);
            int member = _poolSize == 1 ? 0 : (int)stream.NextBelow((ulong)_poolSize);
            thirdOf[i] = RandomPool ? pool![member] : FirstOfBlock(targetIndex) + member;
        }
    }

    /// <summary>The first third-factor node of a target's block pool.</summary>
    private int FirstOfBlock(int targetIndex) => _poolSize > 1 ? targetIndex * _poolSize : targetIndex / _targetsPerThird;

    /// <summary>pool_size distinct positions of the third-factor population, in increasing order (Floyd's sampling).</summary>
    private int[] RandomPoolOf(int thirdCount, ref RandomStream stream)
    {
        var chosen = new HashSet<int>();
        for (int j = thirdCount - _poolSize; j < thirdCount; j++)
        {
            int r = (int)stream.NextBelow((ulong)j + 1);
            if (!chosen.Add(r)) chosen.Add(j);
        }
        var pool = chosen.ToArray();
        Array.Sort(pool);
        return pool;
    }
}
