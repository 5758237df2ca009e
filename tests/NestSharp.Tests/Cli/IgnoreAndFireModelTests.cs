using System.IO.Compression;
using System.Text.Json.Nodes;
using NestSharp.Cli.Experiments;
using NestSharp.Cli.Recording;
using NestSharp.Numerics;

namespace NestSharp.Tests.Cli;

/// <summary>The derived parameters and the analysis helpers of <see cref="IgnoreAndFireModel"/>; no simulation.</summary>
public sealed class IgnoreAndFireParameterTests
{
    private static void AssertRelative(double expected, double actual, double tolerance = 1e-12) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void Defaults_AreTheExamplesParameterDictionary()
    {
        var p = IgnoreAndFireModel.GetDefaultParameters();

        Assert.Equal((12500, 1250, 0.8), (p.N, p.K, p.Beta));
        Assert.Equal("ignore_and_fire", p.NeuronModel);
        Assert.False(p.AllowAutapses);
        Assert.True(p.AllowMultapses);
        Assert.Equal((0.0, 250.0, 20.0, 2.0, 20.0, 0.0), (p.EL, p.CM, p.TauM, p.TRef, p.Theta, p.VReset));
        Assert.Equal([0.5, 1.5], p.IgnoreAndFirePars.RateDist);
        Assert.Equal([0.01, 1.0], p.IgnoreAndFirePars.PhaseDist);
        Assert.Equal((0.0, 1.2, 0.5, 10.0, 1.5, 2.0), (p.IDC, p.Eta, p.JE, p.G, p.Delay, p.TauS));
        Assert.Equal((0.1, 20.0, 0.4, 15.0, 30.0, 1.0), (p.StdpAlpha, p.StdpLambda, p.StdpMuPlus, p.StdpTauPlus, p.StdpTauMinus, p.StdpW0));
        Assert.Equal((0.0, 20.0), (p.VInitMin, p.VInitMax));
        Assert.Equal((10000.0, 0.125, 128, 1L, 4), (p.T, p.Dt, p.TicsPerStep, p.Seed, p.NThreads));
        Assert.False(p.RecordSpikes);
        Assert.Null(p.NRecSpikes);
    }

    [Fact]
    public void DerivedParameters_OfDefaults_EqualTheExamplesValuesMeasuredWithNest()
    {
        // I_E and nu_X as NEST 3.10 running the example prints them (shared/reference/ignore_and_fire_parameters.json).
        var d = IgnoreAndFireModel.DeriveParameters(IgnoreAndFireModel.GetDefaultParameters());

        Assert.Equal((10000, 2500, 1000, 250), (d.NE, d.NI, d.KE, d.KI));
        AssertRelative(0.01567358677750472, d.JUnit);
        AssertRelative(31.90080273888664, d.IE);
        AssertRelative(-319.00802738886637, d.II);
        Assert.Equal(d.IE, d.IX);
        AssertRelative(1441.4975862151362, d.NuTheta);
        AssertRelative(1729.7971034581633, d.NuX);
        Assert.Equal(12500, d.NRecSpikes);
        Assert.Equal(Path.Combine("data", "ignore_and_fire"), d.DataPath);
    }

    [Fact]
    public void DerivedParameters_FollowTheExamplesFormulas_ForOtherInputs()
    {
        // Expected values from the example's formulas evaluated in Python (float64).
        var p = new IgnoreAndFireParameters
        {
            N = 1001, K = 99, TauM = 10.0, CM = 200.0, TauS = 0.5, JE = 0.2, G = 4.0, Theta = 15.0, Eta = 2.0,
            NRecSpikes = 17, NeuronModel = "iaf_psc_alpha", DataPath = "out",
        };

        var d = IgnoreAndFireModel.DeriveParameters(p);

        Assert.Equal((800, 201, 79, 20), (d.NE, d.NI, d.KE, d.KI)); // int() truncates 800.8 and 79.2
        AssertRelative(0.005576821625050479, d.JUnit);
        AssertRelative(35.86272135755995, d.IE);
        AssertRelative(-143.4508854302398, d.II);
        AssertRelative(6154.794068809156, d.NuTheta);
        AssertRelative(12309.588137618312, d.NuX);
        Assert.Equal(17, d.NRecSpikes);
        Assert.Equal(Path.Combine("out", "iaf_psc_alpha"), d.DataPath);
    }

    [Fact]
    public void UnitPsp_IsTheExamplesFormula_NotTheExactPeak()
    {
        // The example evaluates the PSP at t_max from W_-1(-a e^a); the true maximum (W_-1(-a e^-a)) is 0.4 % higher.
        double example = PostSynapticPotential.UnitAlphaCurrentAsIgnoreAndFireExample(20.0, 250.0, 2.0);
        double peak = PostSynapticPotential.PeakOfUnitAlphaCurrent(20.0, 250.0, 2.0);

        Assert.True(example < peak);
        AssertRelative(0.015734467797231054, peak, 1e-10);
        Assert.Equal(1.0039, peak / example, 4);
    }

    [Fact]
    public void LambertW_BranchesSolveWExpW()
    {
        double x = -0.2;
        double lower = LambertW.Wm1(x);
        double principal = LambertW.W0(0.5);

        Assert.True(lower < -1.0);
        Assert.Equal(x, lower * Math.Exp(lower), 14);
        Assert.Equal(0.5, principal * Math.Exp(principal), 14);
    }

    [Fact]
    public void ConnectivityMatrix_PutsWeightsAtPostRowAndPreColumn()
    {
        var c = new ConnectivityData([1, 1, 2, 3], [2, 3, 3, 1], [10.0, 20.0, 30.0, 40.0], [1.5, 1.5, 1.5, 1.5]);

        var m = IgnoreAndFireAnalysis.GetConnectivityMatrix(c);

        Assert.Equal([1L, 2, 3], m.PopPre);
        Assert.Equal([1L, 2, 3], m.PopPost);
        Assert.Equal(10.0, m.W[1, 0]); // 1 -> 2
        Assert.Equal(20.0, m.W[2, 0]); // 1 -> 3
        Assert.Equal(30.0, m.W[2, 1]); // 2 -> 3
        Assert.Equal(40.0, m.W[0, 2]); // 3 -> 1
        Assert.Equal(0.0, m.W[0, 0]);
    }

    [Fact]
    public void ConnectivityMatrix_OfGivenIds_LeavesOutOtherNeurons()
    {
        var c = new ConnectivityData([1, 1, 5], [2, 5, 2], [10.0, 20.0, 30.0], [1.5, 1.5, 1.5]);

        var m = IgnoreAndFireAnalysis.GetConnectivityMatrix(c, [1, 2], [1, 2]);

        Assert.Equal(new double[,] { { 0.0, 0.0 }, { 10.0, 0.0 } }, m.W);
    }

    [Fact]
    public void WeightDistribution_IsNumpysDensity()
    {
        // numpy.histogram([0.2, 0.7, 0.9, 1.0, 5.0], [0, 0.5, 1.0], density=True) -> [0.5, 1.5]: 1.0 falls into the
        // last bin, 5.0 is outside.
        var c = new ConnectivityData([1, 1, 1, 1, 1], [2, 2, 2, 2, 2], [0.2, 0.7, 0.9, 1.0, 5.0], [1, 1, 1, 1, 1]);

        var density = IgnoreAndFireAnalysis.GetWeightDistribution(c, [0.0, 0.5, 1.0]);

        Assert.Equal([0.5, 1.5], density);
    }

    [Fact]
    public void Arange_IsNumpysArange()
    {
        var edges = IgnoreAndFireAnalysis.Arange(0.0, 150.1, 0.5);

        Assert.Equal(301, edges.Length);
        Assert.Equal(150.0, edges[^1]);
    }

    [Fact]
    public void Statistics_AreMeanPopulationSdMinMaxMedian()
    {
        var s = IgnoreAndFireAnalysis.Statistics([4.0, 1.0, double.NaN, 3.0, 2.0]);

        Assert.Equal(new DataStatistics(4, 2.5, Math.Sqrt(1.25), 1.0, 4.0, 2.5), s);
    }
}

/// <summary>The connectivity file: numpy.savetxt's format, optionally gzip-compressed.</summary>
public sealed class IgnoreAndFireConnectivityFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nestsharp-iaf-conn-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly ConnectivityData Sample = new([1, 1, 12], [7, 10, 3], [31.90080273888664, 0.0, -319.0080273888664], [1.5, 1.5, 2.25]);

    [Fact]
    public void Write_HasNumpyHeaderAndPercentDotThreeERows()
    {
        string path = Path.Combine(_dir, "c.dat");

        ConnectivityFile.Write(path, Sample);

        Assert.Equal(
            "#  source \t target \t weight \tdelay (ms)\n1\t7\t3.190e+01\t1.500e+00\n1\t10\t0.000e+00\t1.500e+00\n12\t3\t-3.190e+02\t2.250e+00\n",
            File.ReadAllText(path));
    }

    [Fact]
    public void GzName_WritesRealGzipThatReadsBackAsThePlainFile()
    {
        string plain = Path.Combine(_dir, "c.dat");
        string compressed = Path.Combine(_dir, "c.dat.gz");

        ConnectivityFile.Write(plain, Sample);
        ConnectivityFile.Write(compressed, Sample);

        byte[] bytes = File.ReadAllBytes(compressed);
        Assert.Equal([0x1f, 0x8b], bytes[..2]);
        using (var gzip = new GZipStream(File.OpenRead(compressed), CompressionMode.Decompress))
        using (var reader = new StreamReader(gzip))
            Assert.Equal(File.ReadAllText(plain), reader.ReadToEnd());
        var a = ConnectivityFile.Read(plain);
        var b = ConnectivityFile.Read(compressed);
        Assert.Equal(a.Source, b.Source);
        Assert.Equal(a.Target, b.Target);
        Assert.Equal(a.Weight, b.Weight);
        Assert.Equal(a.Delay, b.Delay);
        Assert.Equal([31.9, 0.0, -319.0], a.Weight);
    }

    [Fact]
    public void Read_MalformedRow_NamesFileAndLine()
    {
        string path = Path.Combine(_dir, "bad.dat");
        File.WriteAllText(path, "#  source \t target \t weight \tdelay (ms)\n1\t2\tx\t1.5\n");

        var e = Assert.Throws<InvalidDataException>(() => ConnectivityFile.Read(path));
        Assert.Contains("bad.dat:2", e.Message);
    }

    [Fact]
    public void LoadConnectivityData_ConcatenatesFilesWithTheLabelInNameOrder()
    {
        ConnectivityFile.Write(Path.Combine(_dir, "conn_b.dat.gz"), Sample with { Source = [2, 2, 2] });
        ConnectivityFile.Write(Path.Combine(_dir, "conn_a.dat"), Sample);
        File.WriteAllText(Path.Combine(_dir, "other.dat"), "");

        var c = IgnoreAndFireDataFiles.LoadConnectivityData(_dir, "conn");

        Assert.Equal([1L, 1, 12, 2, 2, 2], c.Source);
        Assert.Throws<FileNotFoundException>(() => IgnoreAndFireDataFiles.LoadConnectivityData(_dir, "missing"));
    }
}

/// <summary>A small network (N = 500, K = 100, 500 ms) built and simulated with one neuron model, shared by its tests.</summary>
public abstract class SmallIgnoreAndFireRun : IDisposable
{
    protected SmallIgnoreAndFireRun(string neuronModel)
    {
        Root = Directory.CreateTempSubdirectory("nestsharp-iaf-").FullName;
        Model = new IgnoreAndFireModel(
            IgnoreAndFireModel.GetDefaultParameters() with
            {
                NeuronModel = neuronModel,
                N = 500,
                K = 100,
                T = 500.0,
                NThreads = 2,
                RecordSpikes = true,
                PrintSimulationProgress = false,
                DataPath = Root,
            },
            TextWriter.Null);
        Model.Create();
        Model.Connect();
        Presim = Model.GetConnectivity(Model.Nodes.PopE, Model.Nodes.PopE, Path.Combine(Model.Derived.DataPath, "connectivity_presim.dat"));
        Model.Simulate(Model.Parameters.T);
        PostsimGz = Path.Combine(Model.Derived.DataPath, "connectivity_postsim.dat.gz");
        Postsim = Model.GetConnectivity(Model.Nodes.PopE, Model.Nodes.PopE, PostsimGz);
    }

    public string Root { get; }
    public IgnoreAndFireModel Model { get; }
    public ConnectivityData Presim { get; }
    public ConnectivityData Postsim { get; }
    public string PostsimGz { get; }

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        Directory.Delete(Root, recursive: true);
    }
}

public sealed class SmallIafPscAlphaRun() : SmallIgnoreAndFireRun("iaf_psc_alpha");

public sealed class SmallIgnoreAndFireNeuronRun() : SmallIgnoreAndFireRun("ignore_and_fire");

/// <summary>Behaviour common to both neuron models.</summary>
public abstract class IgnoreAndFireNetworkTests(SmallIgnoreAndFireRun run)
{
    // N = 500: N_E = 400, N_I = 100; K = 100: K_E = 80, K_I = 20.

    [Fact]
    public void Populations_AreTheFirstNEAndTheRemainingNeurons()
    {
        var nodes = run.Model.Nodes;
        Assert.Equal(500, nodes.PopAll.Count);
        Assert.Equal(nodes.PopAll.Ids.Take(400), nodes.PopE.Ids);
        Assert.Equal(nodes.PopAll.Ids.Skip(400), nodes.PopI.Ids);
        Assert.Equal(run.Model.Parameters.NeuronModel, nodes.PopAll[0].Get<string>("model"));
    }

    [Fact]
    public void Connect_MakesFixedIndegreesPlusExternalAndRecorderConnections()
    {
        var nest = run.Model.Nest;
        Assert.Equal(400L * 80, nest.GetConnections(synapseModel: IgnoreAndFireModel.PlasticSynapse).Count);
        Assert.Equal(100L * 80, nest.GetConnections(synapseModel: "excitatory_static").Count);
        Assert.Equal(500L * 20, nest.GetConnections(synapseModel: "inhibitory").Count);
        Assert.Equal(500L, nest.GetConnections(synapseModel: "external").Count);
        Assert.Equal(400L * 80 + 100 * 80 + 500 * 20 + 500 + 500, nest.NumConnections);
    }

    [Fact]
    public void ConnectivityFile_HasHeaderAndOneLinePerExcitatoryToExcitatoryConnection()
    {
        string path = Path.Combine(run.Model.Derived.DataPath, "connectivity_presim.dat");
        var lines = File.ReadAllLines(path);

        Assert.Equal(ConnectivityFile.Header, lines[0]);
        Assert.Equal(400 * 80, lines.Length - 1);
        Assert.Equal(400 * 80, run.Presim.Count);
        Assert.Equal($"{run.Presim.Source[0]}\t{run.Presim.Target[0]}\t3.190e+01\t1.500e+00", lines[1]);
        Assert.All(run.Presim.Weight, w => Assert.Equal(run.Model.Derived.IE, w));
        Assert.All(Enumerable.Range(0, run.Presim.Count), i => Assert.NotEqual(run.Presim.Source[i], run.Presim.Target[i])); // no autapses
    }

    [Fact]
    public void CompressedConnectivityFile_IsGzipAndReadsBackAsWritten()
    {
        Assert.Equal([0x1f, 0x8b], File.ReadAllBytes(run.PostsimGz)[..2]);
        var back = ConnectivityFile.Read(run.PostsimGz);

        Assert.Equal(run.Postsim.Source, back.Source);
        Assert.Equal(run.Postsim.Target, back.Target);
        Assert.Equal(run.Postsim.Weight.Select(w => double.Parse(ConnectivityFile.Scientific(w), System.Globalization.CultureInfo.InvariantCulture)), back.Weight);
        Assert.All(back.Delay, d => Assert.Equal(1.5, d));
    }

    [Fact]
    public void Plasticity_ChangesExcitatoryWeights()
    {
        Assert.Equal(run.Presim.Source, run.Postsim.Source);
        Assert.Equal(run.Presim.Target, run.Postsim.Target);
        Assert.Contains(run.Postsim.Weight, w => w != run.Model.Derived.IE);
        Assert.All(run.Postsim.Weight, w => Assert.True(w >= 0.0));
    }

    [Fact]
    public void SpikeData_LoadsFromTheRecorderFiles()
    {
        var model = run.Model;
        long recorderId = model.Nodes.SpikeRecorder!.Ids[0];

        var all = IgnoreAndFireDataFiles.LoadSpikeData(model.Derived.DataPath, $"spikes-{recorderId}");
        var late = IgnoreAndFireDataFiles.LoadSpikeData(model.Derived.DataPath, $"spikes-{recorderId}", (250.0, 500.0));
        var inhibitory = IgnoreAndFireDataFiles.LoadSpikeData(model.Derived.DataPath, $"spikes-{recorderId}", pop: model.Nodes.PopI);

        Assert.Equal(model.Nodes.SpikeRecorder.Get<long>("n_events"), all.Senders.Length);
        Assert.True(all.Senders.Length > 0);
        Assert.All(late.TimesMs, t => Assert.InRange(t, 250.0, 500.0));
        Assert.Equal(all.TimesMs.Count(t => t >= 250.0), late.TimesMs.Length);
        Assert.Equal(all.Senders.Count(s => s > 400), inhibitory.Senders.Length);
        Assert.Equal(inhibitory.Senders.Order(), inhibitory.Senders); // grouped by neuron, in the population's order
    }

    [Fact]
    public void SaveParameters_WritesTheExamplesKeysWithDerivedValues()
    {
        string file = run.Model.SaveParameters("model_instance_parameters", run.Model.Derived.DataPath);

        var json = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        Assert.Equal(Path.Combine(run.Model.Derived.DataPath, "model_instance_parameters.json"), file);
        Assert.Equal("TwoPopulationNetworkPlastic", (string)json["model_name"]!);
        Assert.Equal(500, (int)json["N"]!);
        Assert.Equal(500, (int)json["N_rec_spikes"]!);
        Assert.Equal(400, (int)json["N_E"]!);
        Assert.Equal(20, (int)json["K_I"]!);
        Assert.Equal(run.Model.Derived.IE, (double)json["I_E"]!);
        Assert.Equal(run.Model.Derived.NuX, (double)json["nu_X"]!);
        Assert.Equal(0.5, (double)json["ignore_and_fire_pars"]!["rate_dist"]![0]!);
        Assert.Equal(run.Model.Derived.DataPath, (string)json["data_path"]!);
        Assert.Contains("\"C_m\": 250.0,", File.ReadAllText(file)); // floats stay floats, as Python writes them
        Assert.Equal("model_name", json.First().Key);
        Assert.Equal("nu_X", json.Last().Key);
    }
}

public sealed class IgnoreAndFireIafPscAlphaNetworkTests(SmallIafPscAlphaRun run) : IgnoreAndFireNetworkTests(run), IClassFixture<SmallIafPscAlphaRun>
{
    [Fact]
    public void InitialMembranePotentials_AreUniformBetweenVInitMinAndMax()
    {
        // Read after the run: the potentials have moved, so check the neuron parameters instead and the spread of V_m.
        var neuron = run.Model.Nodes.PopAll[0];
        Assert.Equal(30.0, neuron.Get<double>("tau_minus"));
        Assert.Equal(20.0, neuron.Get<double>("V_th"));
        Assert.Equal(2.0, neuron.Get<double>("tau_syn_ex"));
        var vm = run.Model.Nodes.PopAll.GetValues<double>("V_m");
        Assert.True(vm.Distinct().Count() > 400);
    }
}

public sealed class IgnoreAndFireNeuronNetworkTests(SmallIgnoreAndFireNeuronRun run) : IgnoreAndFireNetworkTests(run), IClassFixture<SmallIgnoreAndFireNeuronRun>
{
    [Fact]
    public void RatesAndPhases_AreDrawnPerNeuronFromTheExamplesRanges()
    {
        var rates = run.Model.Nodes.PopAll.GetValues<double>("rate");
        var phases = run.Model.Nodes.PopAll.GetValues<double>("phase");

        Assert.All(rates, r => Assert.InRange(r, 0.5, 1.5));
        Assert.All(phases, p => Assert.InRange(p, 0.01, 1.0));
        Assert.Equal(500, rates.Distinct().Count());
        Assert.Equal(500, phases.Distinct().Count());
        Assert.InRange(rates.Average(), 0.9, 1.1);
    }

    [Fact]
    public void SpikeCount_IsSetByRatesAndPhases()
    {
        // Each neuron fires first at phase/rate, then every 1/rate: its spike count in T follows from the two alone.
        var nodes = run.Model.Nodes;
        var rates = nodes.PopAll.GetValues<double>("rate");
        var phases = nodes.PopAll.GetValues<double>("phase");
        double t = run.Model.Parameters.T;
        double expected = Enumerable.Range(0, 500).Sum(i => Math.Max(0, Math.Floor((t / 1000.0 - phases[i] / rates[i]) * rates[i]) + 1));

        Assert.Equal(expected, nodes.SpikeRecorder!.Get<long>("n_events"), 0.01 * expected);
    }
}

public sealed class IgnoreAndFireModelValidationTests
{
    [Fact]
    public void UnknownNeuronModel_IsRejectedNamingTheChoices()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            new IgnoreAndFireModel(new IgnoreAndFireParameters { NeuronModel = "aeif_cond_alpha" }, TextWriter.Null));
        Assert.Contains("iaf_psc_alpha, ignore_and_fire", e.Message);
    }

    [Fact]
    public void Nodes_BeforeCreate_IsAnError()
    {
        string root = Directory.CreateTempSubdirectory("nestsharp-iaf-").FullName;
        try
        {
            var model = new IgnoreAndFireModel(new IgnoreAndFireParameters { N = 50, K = 10, DataPath = root }, TextWriter.Null);
            Assert.Throws<InvalidOperationException>(() => model.Nodes);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

/// <summary>Final plastic weights do not depend on the number of threads.</summary>
public sealed class IgnoreAndFireThreadIndependenceTests
{
    private static ConnectivityData FinalWeights(string neuronModel, int threads)
    {
        string root = Directory.CreateTempSubdirectory("nestsharp-iaf-").FullName;
        try
        {
            var model = new IgnoreAndFireModel(
                IgnoreAndFireModel.GetDefaultParameters() with
                {
                    NeuronModel = neuronModel,
                    N = 600,
                    K = 120,
                    T = 500.0,
                    NThreads = threads,
                    PrintSimulationProgress = false,
                    DataPath = root,
                },
                TextWriter.Null);
            model.Create();
            model.Connect();
            model.Simulate(model.Parameters.T);
            return ConnectivityData.From(model.Nest.GetConnections(model.Nodes.PopE, model.Nodes.PopE, IgnoreAndFireModel.PlasticSynapse));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("iaf_psc_alpha")]
    [InlineData("ignore_and_fire")]
    public void FinalExcitatoryWeights_AreIdenticalOnOneAndTwoThreads(string neuronModel)
    {
        var one = FinalWeights(neuronModel, 1);
        var two = FinalWeights(neuronModel, 2);

        Assert.Equal(480 * 96, one.Count);
        Assert.Equal(one.Source, two.Source);
        Assert.Equal(one.Target, two.Target);
        Assert.Equal(one.Weight, two.Weight); // bitwise: Assert.Equal on double[] compares exactly
        Assert.Contains(one.Weight, w => w != one.Weight[0]);
    }
}
