namespace NestSharp.Tests.Models;

/// <summary>
/// Generators that serve their targets directly (poisson_generator, gamma_sup_generator, ppd_sup_generator,
/// sinusoidal_poisson_generator, mip_generator, inhomogeneous_poisson_generator, spike_dilutor) into iaf_psc_exp_ps,
/// which receives each of their events at the end of the sending step (offset 0) with the connection's weight times
/// the event's multiplicity, as in NEST; and poisson_generator into parrot_neuron_ps. Expected numbers come from the
/// installed NEST 3.10, script /tmp/psinputs_gen.py (not in the repository), resolution 0.1 ms:
/// <list type="bullet">
/// <item>spike_dilutor (deterministic with p_copy 1): a spike_generator with spikes at 2.0, 5.3, 5.4, 8.8, 12.1, 12.1,
/// 16.0 ms drives a spike_dilutor, which reaches two iaf_psc_exp_ps (I_e 300 pA, tau_syn_ex 1.5, tau_syn_in 3, t_ref
/// 1.55 ms) with weight 900 (delay 1 ms) and -700 (delay 1.5 ms); a precise spike_generator (2.03, 6.37, 13.55 ms,
/// weight 600, delay 1) reaches both; voltmeter 0.1 ms, spike recorder, Simulate(25); V_m samples, spike times and
/// final V_m printed with repr.</item>
/// <item>Each random generator of <see cref="Generator"/> into 20 iaf_psc_exp_ps (defaults, V_th 1000 mV so they never
/// fire) with weight 10 pA and delay 1 ms, all at 8000 spikes/s per target on average; a voltmeter from 100 ms at 1 ms;
/// Simulate(2101); the mean of the population's mean V_m trace and its standard error from 20 batches of 100 ms.
/// Theory: E_L + tau_m/C_m · rate · w · tau_syn_ex = -63.6 mV.</item>
/// <item>poisson_generator (1000 spikes/s) into 10 parrot_neuron_ps for 2000 ms: NEST accepts it; 20033 spikes
/// repeated, all on the grid.</item>
/// </list>
/// </summary>
public sealed class PreciseGeneratorInputTests
{
    private static readonly double[] NestDilutorSpikes = [7.61680401249474, 14.625835702165448];
    private const double NestDilutorFinalVm0 = -57.960719510199354;
    private const double NestDilutorFinalVm1 = -77.6224724523397;

    // NEST 3.10: V_m samples (0.1 .. 24.0 ms) of the first and second target of the spike_dilutor.
    private static readonly double[] NestDilutorVm0 =
    [
        -69.88059800499002, -69.76238407968107, -69.64534640258209, -69.52947326982788, -69.41475309400857,
        -69.30117440301099, -69.18872583887138, -69.07739615663962, -68.96717422325474, -68.85804901643152,
        -68.75000962355834, -68.64304524060589, -68.53714517104673, -68.43229882478568, -68.3284957171007,
        -68.22572546759454, -68.1239777991566, -68.02324253693527, -67.92350960732036, -67.82476903693578,
        -67.72701095164224, -67.63022557554974, -67.53440323004001, -67.43953433279864, -67.34560939685686,
        -67.2526190296428, -67.16055393204223, -67.0694048974687, -66.97916281094278, -66.88981864818061,
        -66.63780080702263, -66.33138080906092, -66.04222867364543, -65.76925556083849, -65.51144260634372,
        -65.26783641102296, -65.03754482128333, -64.81973298157577, -64.61361964145574, -64.41847370078912,
        -63.88710346824488, -63.39117128752887, -62.92838002622434, -62.49658081658663, -62.093763492356445,
        -61.71804764234334, -61.3676742410019, -61.04099781878855, -60.73647913748673, -60.452678337933506,
        -60.188248529680756, -59.94192979408929, -59.71254357419218, -59.498987426383245, -59.30023011059548,
        -59.11530699713903, -58.9433157697763, -58.78341240592884, -58.63480741614289, -58.496762326093084,
        -58.36858638548215, -58.249633489203454, -58.13929929707659, -58.037018539349596, -57.9422624959868,
        -57.854536638534505, -57.77337842407903, -57.698355231488286, -57.62906243076051, -57.56512157689542,
        -57.50617872025706, -57.45190282591526, -57.40198429493724, -56.938448471662994, -56.003452317702305,
        -55.13874146670529, -70.0, -70.0, -70.0, -70.0, -70.0, -70.0, -70.0, -70.0, -70.0, -70.0, -70.0,
        -70.0, -70.0, -70.0, -70.0, -70.0, -69.66477455900896, -69.28227869096881, -68.92077155710048,
        -68.57893614306546, -68.25554000845108, -67.94942983596796, -67.65952633215, -67.38481945688787,
        -67.12436396058898, -66.8772752091244, -66.64272527800296, -66.41993929840937, -66.20819203886364,
        -66.00680470730572, -65.81514195939019, -65.63260909969202, -65.11214195388271, -64.62552206906005,
        -64.17056373965062, -63.745222250620586, -63.34758478429431, -62.97586191362212, -62.62837964407569,
        -62.30357196878839, -61.99997390383955, -61.7162149727171, -61.45101311098928, -61.20316896408521,
        -60.971560552831185, -60.75513828302533, -60.552920276862224, -60.36398800545051, -60.1874822030052,
        -60.02259904454833, -59.86858657012375, -59.72474133962741, -59.59040530338012, -59.46496287452887,
        -59.34783819026011, -59.23849254964793, -59.13642201674547, -59.041155178262365, -58.952251045858645,
        -58.86929709372818, -58.791907422746455, -58.71972104302026, -58.6524002672029, -58.58962920743166,
        -58.53111236920428, -57.78355831694322, -57.091313743043315, -56.45074095154517, -55.85843755515947,
        -55.1934954532643, -70.0, -70.0, -70.0, -70.0, -70.0, -70.0, -70.0, -70.0, -70.0, -70.0, -70.0, -70.0,
        -70.0, -70.0, -70.0, -70.0, -69.719969681569, -69.36018184204187, -69.0196568591994,
        -68.69719162640332, -68.39166023881332, -68.1020090182925, -67.82725185913343, -67.56646587391366,
        -67.31878732012564, -67.08340778947289, -66.85957064289288, -66.64656767545928, -66.44373599633836,
        -66.25045510993031, -66.06614418522108, -65.89025950120636, -65.72229205703323, -65.56176533623615,
        -65.06172570563024, -64.594058108387, -64.1566735509025, -63.74761777724322, -63.3650625793865,
        -63.0072976678907, -62.67272306685163, -62.35984199933243, -62.067254231634614, -61.79364984681828,
        -61.53780341978803, -61.29856856804616, -61.07487285388544, -60.86571301535591, -60.6701505048021,
        -60.48730731513459, -60.31636207527888, -60.1565463974417, -60.00714145995411, -59.86747481049848,
        -59.73691737550596, -59.614880662427986, -59.500814142442756, -59.39420280195985, -59.294564852036686,
        -59.20144958552265, -59.11443537240338, -59.033127784432295, -58.95715784071137, -58.88618036642048,
        -58.81987245739832, -58.75793204374794, -58.7000765460807, -58.646041618423986, -58.59557997220345,
        -58.54846027607118, -58.504466126688044, -58.463395085884315, -58.42505777991758, -58.38927705682307,
        -58.35588719810982, -58.32473318129783, -58.29566999001723, -58.26856196860202, -58.24328221830888,
        -58.219712032476394, -58.19774036811346, -58.17726335156719, -58.15818381607276, -58.14041086912863,
        -58.123859487774006, -58.10845013996867, -58.09410843039205, -58.08076476908646, -58.068354061471254,
        -58.0568154183497, -58.04609188461905, -58.036130185477674, -58.02688048900072, -58.01829618402873,
    ];

    private static readonly double[] NestDilutorVm1 =
    [
        -69.88059800499002, -69.76238407968107, -69.64534640258209, -69.52947326982788, -69.41475309400857,
        -69.30117440301099, -69.18872583887138, -69.07739615663962, -68.96717422325474, -68.85804901643152,
        -68.75000962355834, -68.64304524060589, -68.53714517104673, -68.43229882478568, -68.3284957171007,
        -68.22572546759454, -68.1239777991566, -68.02324253693527, -67.92350960732036, -67.82476903693578,
        -67.72701095164224, -67.63022557554974, -67.53440323004001, -67.43953433279864, -67.34560939685686,
        -67.2526190296428, -67.16055393204223, -67.0694048974687, -66.97916281094278, -66.88981864818061,
        -66.63780080702263, -66.33138080906092, -66.04222867364543, -65.76925556083849, -65.51144260634372,
        -65.26783641102296, -65.03754482128333, -64.81973298157577, -64.61361964145574, -64.41847370078912,
        -64.2336109777446, -64.05839118520483, -63.89221510215474, -63.73452192747303, -63.58478680436279,
        -63.71652330362281, -63.84355752032428, -63.965870128625795, -64.08345559710146, -64.19632086809963,
        -64.3044841365987, -64.40797372167182, -64.5068270241315, -64.60108956435515, -64.6908140946939,
        -64.77605978124161, -64.85689145009219, -64.93337889353978, -65.00559623198292, -65.07362132757885,
        -65.1375352459614, -65.19742176258494, -65.25336691048952, -65.30545856650018, -65.3537860730759,
        -65.39843989321352, -65.43951129598933, -65.47709207048553, -65.51127426600388, -65.54214995661272,
        -65.56981102820757, -65.59434898639195, -65.61585478360135, -65.56324106411188, -65.35322985313455,
        -65.15730373140295, -64.97444058864532, -64.80368891687544, -64.91816789320355, -65.30534403553328,
        -65.67914743022163, -66.03967307860846, -66.38703886812586, -66.7213831068064, -67.04286224961943,
        -67.35164880318412, -67.6479293963108, -67.93190300466583, -68.20377931864304, -68.46377724426112,
        -68.71212352759392, -68.94905149388259, -69.17479989307884, -69.38961184412808, -69.59373387082522,
        -69.78741502256342, -69.97090607375326, -70.14445879611479, -70.30832529844332, -70.46275742882031,
        -70.60800623458779, -70.74432147572783, -70.87195118759075, -70.99114128919696, -71.10213523360093,
        -71.20517369705044, -71.30049430390349, -71.38833138447862, -71.4689157632136, -71.54247457469326,
        -71.60923110528013, -71.66940465824375, -71.72321044043431, -72.04486426789357, -72.34885875357992,
        -72.63580733001127, -72.90630531676379, -73.16093034343137, -73.40024277015584, -73.62478610506564,
        -73.83508741803037, -74.03165775020317, -74.21499251888146, -74.38557191727186, -74.54386130879492,
        -74.69031161561155, -74.82535970109589, -74.94942874601801, -75.06292861823593, -75.16625623572911,
        -75.25979592283596, -75.34391975958502, -75.41898792403475, -75.48534902756006, -75.54334044304399,
        -75.59328862595248, -75.63550942828701, -75.67030840542562, -75.69798111587694, -75.71881341398432,
        -75.73308173562883, -75.74105337698988, -75.74298676643147, -75.73913172959014, -75.72972974774775,
        -75.5972883703335, -75.9032340457885, -76.19751227622241, -76.48006091437374, -76.75085400240648,
        -77.0098983284366, -77.25723024205453, -77.49291271092468, -77.71703260173832, -77.9296981699137,
        -78.13103674348062, -78.3211925875623, -78.50032493677857, -78.6686061837456, -78.82622021264257,
        -78.97336086755897, -79.1102305460298, -79.23703890881434, -79.35400169757969, -79.4613396527154,
        -79.55927752403397, -79.64804316760508, -79.72786672243147, -79.79897986110502, -79.86161510898262,
        -79.9160052267961, -79.96238265196092, -80.00097899417428, -80.0320245811984, -80.0557480510096,
        -80.07237598675843, -80.0821325912349, -80.0852393977631, -80.08191501466598, -80.07237490064134,
        -80.05683116857885, -80.035492415522, -80.00856357664242, -79.97624580124658, -79.9387363489762,
        -80.17023330370239, -80.38521176839052, -80.58426789383223, -80.76797995126822, -80.93690875958757,
        -81.09159810928713, -81.23257518259794, -81.36035096925005, -81.47542067740677, -81.57826413935419,
        -81.6693462115824, -81.74911716894135, -81.81801309259714, -81.87645625155339, -81.92485547753907,
        -81.96360653309634, -81.993092472733, -82.01368399703105, -82.02573979962867, -82.02960690701546,
        -82.0256210111023, -82.01410679454543, -81.99537824882242, -81.96973898507284, -81.93748253773059,
        -81.89889266098774, -81.85424361814111, -81.80380046388272, -81.74781931960497, -81.68654764179882,
        -81.62022448363108, -81.54908074979244, -81.4733394447144, -81.39321591425677, -81.30891808097286,
        -81.22064667306178, -81.12859544712104, -81.03295140481454, -80.93389500357321, -80.83160036144714,
        -80.72623545622865, -80.6179623189673, -80.5069372219975, -80.39331086159993, -80.27722853541778,
        -80.15883031474823, -80.03825121182942, -79.91562134224166, -79.7910660825415, -79.66470622324547,
        -79.53665811727927, -79.40703382400697, -79.27594124895286, -79.14348427932742, -79.00976291546698,
    ];

    private static (double[] Vm0, double[] Vm1, double[] Spikes, double Final0, double Final1) RunDilutor(int threads)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads, ["resolution"] = 0.1 });
        var parent = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 2.0, 5.3, 5.4, 8.8, 12.1, 12.1, 16.0 } });
        var dilutor = nest.Create("spike_dilutor", 1, new() { ["p_copy"] = 1.0 });
        nest.Connect(parent, dilutor);
        var n = nest.Create("iaf_psc_exp_ps", 2, new() { ["I_e"] = 300.0, ["tau_syn_ex"] = 1.5, ["tau_syn_in"] = 3.0, ["t_ref"] = 1.55 });
        nest.Connect(dilutor, n[0], syn: new Dictionary<string, object> { ["weight"] = 900.0, ["delay"] = 1.0 });
        nest.Connect(dilutor, n[1], syn: new Dictionary<string, object> { ["weight"] = -700.0, ["delay"] = 1.5 });
        var precise = nest.Create("spike_generator", 1, new() { ["precise_times"] = true, ["spike_times"] = new[] { 2.03, 6.37, 13.55 } });
        nest.Connect(precise, n, syn: new Dictionary<string, object> { ["weight"] = 600.0, ["delay"] = 1.0 });
        var vm = nest.Create("voltmeter", 1, new() { ["interval"] = 0.1 });
        var sr = nest.Create("spike_recorder");
        nest.Connect(vm, n);
        nest.Connect(n, sr);
        nest.Simulate(25.0);
        var events = (Dictionary<string, object>)vm.Get("events");
        var senders = (long[])events["senders"];
        var values = (double[])events["V_m"];
        long first = n.ToArray()[0];
        var spikes = (Dictionary<string, object>)sr.Get("events");
        var spikeSenders = (long[])spikes["senders"];
        return ([.. values.Where((_, i) => senders[i] == first)], [.. values.Where((_, i) => senders[i] == first + 1)],
            [.. ((double[])spikes["times"]).Where((_, i) => spikeSenders[i] == first)], (double)n[0].Get("V_m"), (double)n[1].Get("V_m"));
    }

    private static void AssertClose(double[] expected, double[] actual, double tolerance, string what)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: {actual.Length} values, NEST {expected.Length}");
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"{what} {i}: NestSharp {actual[i]:R}, NEST {expected[i]:R}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void SpikeDilutor_MatchesNest(int threads)
    {
        var (vm0, vm1, spikes, final0, final1) = RunDilutor(threads);
        AssertClose(NestDilutorSpikes, spikes, 1e-12, "spike");
        AssertClose(NestDilutorVm0, vm0, 1e-12, "V_m of the excited target");
        AssertClose(NestDilutorVm1, vm1, 1e-12, "V_m of the inhibited target");
        Assert.True(Math.Abs(NestDilutorFinalVm0 - final0) <= 1e-12, $"final V_m {final0:R}");
        Assert.True(Math.Abs(NestDilutorFinalVm1 - final1) <= 1e-12, $"final V_m {final1:R}");
    }

    /// <summary>The generators of the statistical test (the script's parameters); "_shared": one train for every target.</summary>
    private static NodeCollection Generator(Simulator nest, string name) => name switch
    {
        "poisson_generator" => nest.Create(name, 1, new() { ["rate"] = 8000.0 }),
        "gamma_sup_generator" => nest.Create(name, 1, new() { ["rate"] = 2000.0, ["gamma_shape"] = 3L, ["n_proc"] = 4L }),
        "ppd_sup_generator" => nest.Create(name, 1, new() { ["rate"] = 500.0, ["dead_time"] = 1.0, ["n_proc"] = 16L }),
        "sinusoidal_poisson_generator" => Sinusoidal(nest, individualTrains: true),
        "sinusoidal_poisson_generator_shared" => Sinusoidal(nest, individualTrains: false),
        "mip_generator" => nest.Create(name, 1, new() { ["rate"] = 16000.0, ["p_copy"] = 0.5 }),
        "inhomogeneous_poisson_generator" => nest.Create(name, 1, new()
        {
            ["rate_times"] = new[] { 1.0 }.Concat(Enumerable.Range(1, 42).Select(k => 50.0 * k)).ToArray(),
            ["rate_values"] = Enumerable.Range(0, 43).Select(k => k % 2 == 0 ? 4000.0 : 12000.0).ToArray(),
        }),
        _ => throw new ArgumentException(name),
    };

    private static NodeCollection Sinusoidal(Simulator nest, bool individualTrains)
    {
        nest.SetDefaults("sinusoidal_poisson_generator", new() { ["individual_spike_trains"] = individualTrains });
        return nest.Create("sinusoidal_poisson_generator", 1, new() { ["rate"] = 8000.0, ["amplitude"] = 4000.0, ["frequency"] = 50.0 });
    }

    /// <summary>The script's statistical run: the population's mean V_m trace (1 ms samples from 100 ms on).</summary>
    private static double[] MeanTrace(string generator, int threads, double duration = 2101.0, int neurons = 20)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads, ["resolution"] = 0.1, ["rng_seed"] = 12345L });
        var g = Generator(nest, generator);
        var n = nest.Create("iaf_psc_exp_ps", neurons, new() { ["V_th"] = 1000.0 });
        nest.Connect(g, n, syn: new Dictionary<string, object> { ["weight"] = 10.0, ["delay"] = 1.0 });
        var vm = nest.Create("voltmeter", 1, new() { ["interval"] = 1.0, ["start"] = 100.0 });
        nest.Connect(vm, n);
        nest.Simulate(duration);
        var events = (Dictionary<string, object>)vm.Get("events");
        var times = (double[])events["times"];
        var senders = (long[])events["senders"];
        var values = (double[])events["V_m"];
        // summed in the order (time, sender), so that the sums do not depend on the order of the events
        var order = Enumerable.Range(0, times.Length).OrderBy(i => times[i]).ThenBy(i => senders[i]).ToArray();
        var trace = new List<double>();
        for (int k = 0; k < order.Length; k += neurons)
        {
            double sum = 0.0;
            for (int j = k; j < k + neurons; j++) sum += values[order[j]];
            trace.Add(sum / neurons);
        }
        return [.. trace];
    }

    /// <summary>
    /// The mean membrane potential under each generator is NEST's and the theory's (which holds only if every input
    /// event arrives with weight · multiplicity): within 4.5 standard errors (batch means of 100 ms), ours and NEST's.
    /// </summary>
    [Theory]
    [InlineData("poisson_generator", -63.58985155914507, 0.011275971796935787)]
    [InlineData("gamma_sup_generator", -63.59501691886634, 0.0035120911507317536)]
    [InlineData("ppd_sup_generator", -63.60279367427482, 0.004401874710017845)]
    [InlineData("sinusoidal_poisson_generator", -63.588179676320216, 0.012852255979217974)]
    [InlineData("sinusoidal_poisson_generator_shared", -63.51647957770801, 0.035704839636291855)]
    [InlineData("mip_generator", -63.56182387815956, 0.037761898632828486)]
    [InlineData("inhomogeneous_poisson_generator", -63.59250926568227, 0.010867100683511273)]
    public void MeanMembranePotential_IsNestsAndTheTheorys(string generator, double nestMean, double nestStandardError)
    {
        const double theory = -70.0 + 10.0 / 250.0 * (8.0 * 10.0 * 2.0);
        var trace = MeanTrace(generator, 1);
        Assert.Equal(2000, trace.Length);
        double mean = trace.Average();
        var batches = trace.Chunk(100).Select(b => b.Average()).ToArray();
        double se = Math.Sqrt(batches.Sum(b => (b - batches.Average()) * (b - batches.Average())) / (batches.Length - 1) / batches.Length);
        Assert.True(se > 0 && se < 0.05, $"standard error {se}");
        Assert.True(Math.Abs(mean - theory) <= 4.5 * se, $"mean V_m {mean} mV, theory {theory} mV, standard error {se}");
        double both = Math.Sqrt(se * se + nestStandardError * nestStandardError);
        Assert.True(Math.Abs(mean - nestMean) <= 4.5 * both, $"mean V_m {mean} mV, NEST {nestMean} mV, standard error {both}");
    }

    [Theory]
    [InlineData("poisson_generator")]
    [InlineData("gamma_sup_generator")]
    [InlineData("ppd_sup_generator")]
    [InlineData("sinusoidal_poisson_generator")]
    [InlineData("sinusoidal_poisson_generator_shared")]
    [InlineData("mip_generator")]
    [InlineData("inhomogeneous_poisson_generator")]
    public void Result_DoesNotDependOnTheThreads(string generator) =>
        Assert.Equal(MeanTrace(generator, 1, 300.0, 6), MeanTrace(generator, 2, 300.0, 6));

    /// <summary>NEST: poisson_generator into parrot_neuron_ps, 10 parrots, 1000 spikes/s, 2000 ms: 20033 spikes, on the grid.</summary>
    [Fact]
    public void PoissonGenerator_IntoParrotNeuronPs_RepeatsEverySpikeOnTheGrid()
    {
        double[] Run(int threads)
        {
            var nest = new Simulator();
            nest.SetKernelStatus(new() { ["local_num_threads"] = threads, ["resolution"] = 0.1 });
            var pg = nest.Create("poisson_generator", 1, new() { ["rate"] = 1000.0 });
            var parrots = nest.Create("parrot_neuron_ps", 10);
            var sr = nest.Create("spike_recorder");
            nest.Connect(pg, parrots);
            nest.Connect(parrots, sr);
            nest.Simulate(2000.0);
            return (double[])((Dictionary<string, object>)sr.Get("events"))["times"];
        }
        var times = Run(1);
        Assert.Equal(times, Run(2));
        // 20000 expected (NEST: 20033); standard deviation 141
        Assert.InRange(times.Length, 20000 - 4.5 * 141, 20000 + 4.5 * 141);
        Assert.All(times, t => Assert.True(Math.Abs(t * 10 - Math.Round(t * 10)) < 1e-9, $"{t} off the grid"));
    }
}
