using NestSharp.Random;

namespace NestSharp.Tests.Parameters;

/// <summary>Parameter expressions: values, draw order, determinism of GetValue, NEST's errors.</summary>
public sealed class ParameterTests
{
    private const ulong Key = 0xC0FFEE;

    private static double DrawOnce(Parameter p, ulong key = Key)
    {
        var stream = new RandomStream(key);
        return p.Draw(ref stream);
    }

    // ---------------------------------------------------------------- values

    [Fact]
    public void ANumber_IsAConstantParameter()
    {
        Parameter p = 2.5;
        Assert.Equal(2.5, DrawOnce(p));
        Assert.Equal(2.5, DrawOnce(Parameter.Constant(2.5)));
        Assert.Equal(2.5, ((ConstantParameter)Parameter.FromDouble(2.5)).Value);
    }

    [Fact]
    public void Arithmetic_CombinesTheDrawsOfItsOperands()
    {
        var a = Parameter.Constant(7);
        var b = Parameter.Constant(2);
        Assert.Equal(9.0, DrawOnce(a + b));
        Assert.Equal(5.0, DrawOnce(a - b));
        Assert.Equal(14.0, DrawOnce(a * b));
        Assert.Equal(3.5, DrawOnce(a / b));
        Assert.Equal(-7.0, DrawOnce(-a));
        Assert.Equal(7.0, DrawOnce(+a));
        Assert.Equal(-5.0, DrawOnce(2 - a));
        Assert.Equal(2.0 / 7.0, DrawOnce(2 / a));
        Assert.Equal(49.0, DrawOnce(Parameter.Pow(a, 2)));
        Assert.Equal(1.0 + 2.0 * 3.0, DrawOnce(1 + (Parameter)2 * 3));
    }

    [Fact]
    public void NamedAlternatives_GiveWhatTheOperatorsGive()
    {
        var a = Parameter.Constant(7);
        var b = Parameter.Constant(2);
        Assert.Equal(DrawOnce(a + b), DrawOnce(Parameter.Add(a, b)));
        Assert.Equal(DrawOnce(a - b), DrawOnce(Parameter.Subtract(a, b)));
        Assert.Equal(DrawOnce(a * b), DrawOnce(Parameter.Multiply(a, b)));
        Assert.Equal(DrawOnce(a / b), DrawOnce(Parameter.Divide(a, b)));
        Assert.Equal(DrawOnce(-a), DrawOnce(Parameter.Negate(a)));
        Assert.Same(a, Parameter.Plus(a));
    }

    [Fact]
    public void IeeeSpecialValues_PassThroughAsInNest()
    {
        Assert.Equal(double.PositiveInfinity, DrawOnce(Parameter.Constant(1) / 0.0));
        Assert.True(double.IsNaN(DrawOnce(Parameter.Constant(0) / 0.0)));
        Assert.True(double.IsNaN(DrawOnce(Parameter.Pow(-2.0, 0.5))));
    }

    [Fact]
    public void Comparisons_GiveOneOrZero()
    {
        var one = Parameter.Constant(1);
        Assert.Equal(1.0, DrawOnce(one.LessThan(2)));
        Assert.Equal(0.0, DrawOnce(one.LessThan(1)));
        Assert.Equal(1.0, DrawOnce(one.LessOrEqual(1)));
        Assert.Equal(1.0, DrawOnce(one.Equal(1)));
        Assert.Equal(0.0, DrawOnce(one.NotEqual(1)));
        Assert.Equal(1.0, DrawOnce(one.GreaterOrEqual(1)));
        Assert.Equal(0.0, DrawOnce(one.GreaterThan(1)));
        Assert.Equal(1.0, DrawOnce(0 < one));
        Assert.Equal(0.0, DrawOnce(one > 1));
    }

    [Fact]
    public void ComparisonsWithNaN_HoldOnlyForNotEqual()
    {
        Parameter nan = double.NaN;
        Assert.Equal(0.0, DrawOnce(nan.LessThan(1)));
        Assert.Equal(0.0, DrawOnce(nan.Equal(nan)));
        Assert.Equal(1.0, DrawOnce(nan.NotEqual(nan)));
    }

    [Fact]
    public void MathFunctions_ApplyToTheDraw()
    {
        Assert.Equal(Math.Exp(0.7), DrawOnce(Parameter.Exp(0.7)));
        Assert.Equal(Math.Sin(0.7), DrawOnce(Parameter.Sin(0.7)));
        Assert.Equal(Math.Cos(0.7), DrawOnce(Parameter.Cos(0.7)));
        Assert.Equal(2.0, DrawOnce(Parameter.Min(3.0, 2.0)));
        Assert.Equal(1.0, DrawOnce(Parameter.Min(1.0, 2.0)));
        Assert.Equal(3.0, DrawOnce(Parameter.Max(3.0, 2.0)));
        Assert.Equal(2.0, DrawOnce(Parameter.Max(1.0, 2.0)));
    }

    [Fact]
    public void MinAndMax_KeepANaNDraw_AndIgnoreANaNBound_AsStdMinMax()
    {
        Assert.True(double.IsNaN(DrawOnce(Parameter.Min(double.NaN, 2.0))));
        Assert.True(double.IsNaN(DrawOnce(Parameter.Max(double.NaN, 2.0))));
        Assert.Equal(3.0, DrawOnce(Parameter.Min(3.0, double.NaN)));
        Assert.Equal(3.0, DrawOnce(Parameter.Max(3.0, double.NaN)));
    }

    [Fact]
    public void Conditional_PicksTheBranchByTheCondition_NonZeroAndNaNBeingTrue()
    {
        Assert.Equal(10.0, DrawOnce(Parameter.Conditional(1.0, 10.0, 20.0)));
        Assert.Equal(10.0, DrawOnce(Parameter.Conditional(0.5, 10.0, 20.0)));
        Assert.Equal(10.0, DrawOnce(Parameter.Conditional(double.NaN, 10.0, 20.0)));
        Assert.Equal(20.0, DrawOnce(Parameter.Conditional(0.0, 10.0, 20.0)));
        var x = Parameter.Constant(0.4);
        Assert.Equal(-0.4, DrawOnce(Parameter.Conditional(x > 0.5, x, -x)));
        Assert.Equal(0.6, DrawOnce(Parameter.Conditional(0.6 > 0.5 + 0 * x, 0.6, -0.6)));
    }

    // ---------------------------------------------------------------- draw order

    [Fact]
    public void AnExpression_DrawsLeftBeforeRight_FromTheOneStream()
    {
        var nest = new Simulator();
        var u = nest.Random.Uniform();
        var stream = new RandomStream(Key);
        double first = stream.NextDouble();
        double second = stream.NextDouble();
        Assert.Equal(first - second, DrawOnce(u - u));
        Assert.Equal(first / second, DrawOnce(u / u));
        Assert.Equal(first < second ? 1.0 : 0.0, DrawOnce(u.LessThan(u)));
    }

    [Fact]
    public void Conditional_DrawsTheConditionFirst_AndOnlyThePickedBranch()
    {
        var nest = new Simulator();
        var u = nest.Random.Uniform();
        var reference = new RandomStream(Key);
        double first = reference.NextDouble();
        double second = reference.NextDouble();
        double third = reference.NextDouble();

        // condition u < 2 always holds: the true branch draws the second number, the false branch draws nothing
        var stream = new RandomStream(Key);
        Assert.Equal(second, Parameter.Conditional(u < 2, u, u * 100).Draw(ref stream));
        Assert.Equal(third, stream.NextDouble());
        // condition u > 2 never holds: the false branch draws the second number
        stream = new RandomStream(Key);
        Assert.Equal(second * 100, Parameter.Conditional(u > 2, u, u * 100).Draw(ref stream));
        Assert.Equal(third, stream.NextDouble());
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Redraw_DrawsTheInnerParameterUntilTheValueIsWithinTheLimits()
    {
        var nest = new Simulator();
        var u = nest.Random.Uniform();
        var reference = new RandomStream(Key);
        double expected;
        int draws = 0;
        do
        {
            expected = reference.NextDouble();
            draws++;
        }
        while (expected < 0.9);
        Assert.True(draws > 1, "the first draw was already in the limits; pick another key");
        Assert.Equal(expected, DrawOnce(u.Redraw(0.9, 1.0)));
        Assert.Equal(expected, DrawOnce(Parameter.Redraw(u, 0.9, 1.0)));
    }

    [Fact]
    public void Redraw_IncludesBothLimits_AndAcceptsEqualLimits()
    {
        var nest = new Simulator();
        Assert.Equal(1.0, nest.GetValue(Parameter.Redraw(1.0, 1.0, 1.0)));
        Assert.Equal(1.0, nest.GetValue(Parameter.Redraw(1.0, 0.5, 1.0)));
        Assert.Equal(0.5, nest.GetValue(Parameter.Redraw(0.5, 0.5, 1.0)));
    }

    [Theory]
    [InlineData(1.5, 1.0, "min")]
    [InlineData(double.NaN, 1.0, "min")]
    [InlineData(0.0, double.NaN, "max")]
    public void Redraw_WithWrongLimits_IsBadParameterValue(double min, double max, string key)
    {
        var nest = new Simulator();
        var error = Assert.Throws<BadParameterValueException>(() => nest.Random.Normal().Redraw(min, max));
        Assert.Equal("BadParameterValue", error.NestName);
        Assert.Contains($"'{key}'", error.Message);
    }

    [Fact]
    public void ImpossibleRedraw_IsAKernelException_AfterNestsThousandDraws_AndCountsNoDraw()
    {
        var nest = new Simulator();
        var fresh = new Simulator();
        var error = Assert.Throws<KernelException>(() => nest.GetValue(nest.Random.Uniform().Redraw(1.5, 2.0)));
        Assert.Contains("1000", error.Message);
        Assert.Equal(fresh.GetValue(fresh.Random.Uniform()), nest.GetValue(nest.Random.Uniform()));
    }

    [Fact]
    public void ANullOperand_IsATypeMismatchNamingTheArgument()
    {
        Parameter? none = null;
        var error = Assert.Throws<TypeMismatchException>(() => Parameter.Exp(none!));
        Assert.Contains("'parameter'", error.Message);
        Assert.Throws<TypeMismatchException>(() => Parameter.Constant(1) + none!);
        Assert.Throws<TypeMismatchException>(() => Parameter.Conditional(1.0, none!, 2.0));
        Assert.Throws<TypeMismatchException>(() => new Simulator().GetValue(none!));
    }

    // ---------------------------------------------------------------- GetValue

    [Fact]
    public void GetValue_IsTheSameSequenceForTheSameSeed_AndRestartsOnResetAndReseed()
    {
        var p = new Simulator().Random.Normal() + Parameter.Exp(new Simulator().Random.Uniform());
        var a = new Simulator();
        var b = new Simulator();
        var first = Enumerable.Range(0, 20).Select(_ => a.GetValue(p)).ToArray();
        Assert.Equal(first, Enumerable.Range(0, 20).Select(_ => b.GetValue(p)).ToArray());
        Assert.Equal(20, first.Distinct().Count());

        a.ResetKernel();
        Assert.Equal(first[0], a.GetValue(p));

        a.SetKernelStatus("rng_seed", 12345L);
        double reseeded = a.GetValue(p);
        Assert.NotEqual(first[0], reseeded);
        a.GetValue(p);
        a.SetKernelStatus("rng_seed", 12345L);
        Assert.Equal(reseeded, a.GetValue(p));
    }

    [Fact]
    public void GetValue_DoesNotDependOnTheThreads_NorShiftTheDrawsOfSet()
    {
        double[] ValuesWith(int threads, bool getValueFirst)
        {
            var nest = new Simulator();
            nest.SetKernelStatus("local_num_threads", threads);
            if (getValueFirst) nest.GetValue(nest.Random.Uniform());
            var nodes = nest.Create("iaf_psc_alpha", 8);
            nodes.Set("V_m", -70.0 + 10.0 * nest.Random.Uniform() - nest.Random.Exponential(2.0));
            return [nest.GetValue(nest.Random.Normal()), .. nodes.GetValues<double>("V_m")];
        }

        var reference = ValuesWith(1, false);
        Assert.Equal(reference, ValuesWith(4, false));
        Assert.Equal(reference[1..], ValuesWith(1, true)[1..]);
    }

    [Fact]
    public void CompoundConnectionWeights_DoNotDependOnTheThreads()
    {
        double[] WeightsWith(int threads)
        {
            var nest = new Simulator();
            nest.SetKernelStatus("local_num_threads", threads);
            var nodes = nest.Create("iaf_psc_alpha", 6);
            var w = Parameter.Conditional(nest.Random.Uniform() < 0.5, nest.Random.Normal(2.0, 0.5), -nest.Random.Exponential());
            nest.Connect(nodes, nodes, syn: new Dictionary<string, object> { ["weight"] = w });
            return nest.GetConnections().Weight;
        }

        var reference = WeightsWith(1);
        Assert.Equal(reference, WeightsWith(3));
        Assert.Contains(reference, w => w > 0);
        Assert.Contains(reference, w => w < 0);
    }

    [Fact]
    public void TwoRandomKeysOfOneSet_DrawIndependently_EvenWithNamesOfTheSameLength()
    {
        var nest = new Simulator();
        var nodes = nest.Create("iaf_psc_alpha", 20, new()
        {
            ["E_L"] = nest.Random.Uniform(-70.0, -60.0),
            ["I_e"] = nest.Random.Uniform(-70.0, -60.0),
            ["V_th"] = nest.Random.Uniform(-50.0, -40.0),
        });
        var el = nodes.GetValues<double>("E_L");
        var ie = nodes.GetValues<double>("I_e");
        Assert.Equal(40, el.Concat(ie).Distinct().Count());
        Assert.All(nodes.GetValues<double>("V_th"), v => Assert.InRange(v, -50.0, -40.0));
    }

    [Fact]
    public void TheKernelReportsItsOneGenerator_AndAcceptsOnlyItAsRngType()
    {
        var nest = new Simulator();
        Assert.Equal(new[] { "splitmix64_keyed" }, nest.GetKernelStatus("rng_types"));
        Assert.Equal("splitmix64_keyed", nest.GetKernelStatus("rng_type"));
        nest.SetKernelStatus("rng_type", "splitmix64_keyed");
        Assert.Equal("splitmix64_keyed", nest.GetKernelStatus("rng_type"));

        var unknown = Assert.Throws<BadPropertyException>(() => nest.SetKernelStatus(new() { ["rng_type"] = "Philox_32", ["rng_seed"] = 5L }));
        Assert.Contains("'Philox_32' is not a known RNG type", unknown.Message);
        Assert.Equal(NestSharp.Kernel.RandomManager.DefaultSeed, nest.GetKernelStatus("rng_seed"));
        Assert.Throws<BadPropertyException>(() => nest.SetKernelStatus("rng_types", new[] { "Philox_32" }));
    }

    // ---------------------------------------------------------------- statistics

    [Fact]
    public void TheSumOfTwoUniforms_IsTriangular_SoTheTwoDrawsAreIndependent()
    {
        var nest = new Simulator();
        var u = nest.Random.Uniform();
        var values = Enumerable.Range(0, 5000).Select(_ => nest.GetValue(u + u)).ToArray();
        static double Triangular(double x) => x <= 0 ? 0 : x <= 1 ? x * x / 2 : x < 2 ? 1 - (2 - x) * (2 - x) / 2 : 1;
        var (d, p) = KolmogorovSmirnov.Test(values, Triangular);
        Assert.True(p > 1e-3, $"KS: D = {d}, p = {p}");
        // 2u (one draw used twice) is uniform on [0, 2): the same test must reject it
        var doubled = Enumerable.Range(0, 5000).Select(_ => nest.GetValue(2 * u)).ToArray();
        Assert.True(KolmogorovSmirnov.Test(doubled, Triangular).PValue < 1e-3);
    }

    [Fact]
    public void UniformInt_GivesEveryValueEquallyOften()
    {
        var nest = new Simulator();
        var p = nest.Random.UniformInt(100);
        var counts = new double[100];
        for (int i = 0; i < 100_000; i++) counts[(int)nest.GetValue(p)]++;
        var (chiSquare, pValue) = NestSuite.SciPyStats.ChiSquare(counts);
        Assert.True(pValue > 1e-3, $"chi-square = {chiSquare}, p = {pValue}");
    }

    // ---------------------------------------------------------------- distributions and CreateParameter

    public static TheoryData<string, Func<Simulator, Parameter>> BadDistributions => new()
    {
        { "max", nest => nest.Random.Uniform(1.0, 1.0) },
        { "max", nest => nest.Random.Uniform(2.0, 1.0) },
        { "min", nest => nest.Random.Uniform(double.NaN, 1.0) },
        { "max", nest => nest.Random.Uniform(0.0, double.PositiveInfinity) },
        { "max", nest => nest.Random.UniformInt(0) },
        { "max", nest => nest.Random.UniformInt(-1) },
        { "std", nest => nest.Random.Normal(0.0, 0.0) },
        { "std", nest => nest.Random.Normal(0.0, -1.0) },
        { "mean", nest => nest.Random.Normal(double.NaN, 1.0) },
        { "std", nest => nest.Random.Lognormal(0.0, 0.0) },
        { "beta", nest => nest.Random.Exponential(0.0) },
        { "beta", nest => nest.Random.Exponential(-1.0) },
    };

    [Theory]
    [MemberData(nameof(BadDistributions))]
    public void BadDistributionParameters_AreBadPropertyNamingTheKey(string key, Func<Simulator, Parameter> make)
    {
        var error = Assert.Throws<BadPropertyException>(() => make(new Simulator()));
        Assert.Contains($"'{key}'", error.Message);
    }

    [Fact]
    public void CreateParameter_MakesNestsTypesWithTheirDefaults()
    {
        var nest = new Simulator();
        Assert.Equal(4.0, nest.GetValue(nest.CreateParameter("constant", new() { ["value"] = 4 })));
        var uniform = Assert.IsType<UniformParameter>(nest.CreateParameter("uniform"));
        Assert.Equal((0.0, 1.0), (uniform.Lower, uniform.Upper));
        Assert.Equal(1L, Assert.IsType<UniformIntParameter>(nest.CreateParameter("uniform_int")).Limit);
        Assert.Equal(7L, Assert.IsType<UniformIntParameter>(nest.CreateParameter("uniform_int", new() { ["max"] = 7 })).Limit);
        var normal = Assert.IsType<NormalParameter>(nest.CreateParameter("normal", new() { ["mean"] = 2.0 }));
        Assert.Equal((2.0, 1.0), (normal.Mean, normal.Std));
        var lognormal = Assert.IsType<LognormalParameter>(nest.CreateParameter("lognormal", new() { ["std"] = 0.5 }));
        Assert.Equal((0.0, 0.5), (lognormal.Mean, lognormal.Std));
        Assert.Equal(1.0, Assert.IsType<ExponentialParameter>(nest.CreateParameter("exponential")).Beta);
    }

    [Fact]
    public void CreateParameter_RefusesWhatNestRefuses()
    {
        var nest = new Simulator();
        var undefined = Assert.Throws<UndefinedNameException>(() => nest.CreateParameter("foo", new() { ["value"] = 1.0 }));
        Assert.Contains("'foo'", undefined.Message);
        Assert.Contains("uniform_int", undefined.Message);
        Assert.Equal("UndefinedName", undefined.NestName);
        Assert.True(nest.CreateParameter("distance", new()).IsSpatial);
        Assert.Throws<BadParameterValueException>(() => nest.GetValue(nest.CreateParameter("distance", new())));
        var extra = Assert.Throws<UnaccessedDictionaryEntryException>(() => nest.CreateParameter("constant", new() { ["value"] = 1.0, ["x"] = 2 }));
        Assert.Contains("'x'", extra.Message);
        // NEST checks the values before the unknown keys: min = 1 with the default max = 1 is refused first
        Assert.Throws<BadPropertyException>(() => nest.CreateParameter("uniform", new() { ["min"] = 1.0, ["x"] = 2 }));
        var wrongKind = Assert.Throws<TypeMismatchException>(() => nest.CreateParameter("constant", new() { ["value"] = "a" }));
        Assert.Contains("'value'", wrongKind.Message);
        Assert.Throws<TypeMismatchException>(() => nest.CreateParameter("uniform_int", new() { ["max"] = 2.5 }));
        Assert.Throws<BadPropertyException>(() => nest.CreateParameter("constant", new()));
    }

    [Fact]
    public void ReturnsIntegersOnly_FollowsNestsRule()
    {
        var nest = new Simulator();
        var integer = nest.Random.UniformInt(5);
        var real = nest.Random.Uniform();
        Assert.True(integer.ReturnsIntegersOnly);
        Assert.True(Parameter.Constant(3).ReturnsIntegersOnly);
        Assert.False(Parameter.Constant(3.5).ReturnsIntegersOnly);
        Assert.False(real.ReturnsIntegersOnly);
        Assert.True((integer + 2).ReturnsIntegersOnly);
        Assert.True((integer / 2).ReturnsIntegersOnly); // NEST's rule, though 3 / 2 is not whole
        Assert.False((integer * 0.5).ReturnsIntegersOnly);
        Assert.True(integer.LessThan(real).ReturnsIntegersOnly);
        Assert.True(Parameter.Min(integer, 3).ReturnsIntegersOnly);
        Assert.False(Parameter.Max(integer, 3.5).ReturnsIntegersOnly);
        Assert.True(Parameter.Pow(integer, 2).ReturnsIntegersOnly);
        Assert.True(Parameter.Conditional(real < 0.5, integer, 1).ReturnsIntegersOnly);
        Assert.False(Parameter.Conditional(integer, real, 1).ReturnsIntegersOnly);
        Assert.False(Parameter.Exp(integer).ReturnsIntegersOnly);
        Assert.False(integer.Redraw(0, 3).ReturnsIntegersOnly);
    }

    [Fact]
    public void ToString_ShowsTheExpression()
    {
        var nest = new Simulator();
        var p = Parameter.Conditional(nest.Random.Uniform(-1, 1) < 0, Parameter.Exp(nest.Random.Normal()), 2 * nest.Random.Exponential());
        Assert.Equal("conditional((uniform(min=-1, max=1) < 0), exp(normal(mean=0, std=1)), (2 * exponential(beta=1)))", p.ToString());
    }
}
