#:project ../src/NestSharp
#:project ../src/NestSharp.Plotting
#:project ../src/NestSharp.Cli

// Scalable two-population STDP network model: the C# counterpart of NEST's ignore_and_fire example workflow
// (generate_reference_data-ignore_and_fire.py and generate_reference_figures-ignore_and_fire.py, run for both neuron
// models as the example's Snakefile does). The model itself, the counterpart of model-ignore_and_fire.py's Model
// class, is NestSharp.Cli.Experiments.IgnoreAndFireModel.
//
// A local cortical circuit of excitatory and inhibitory neurons (Brunel [1]) whose excitatory-to-excitatory synapses
// follow power-law spike-timing-dependent plasticity (Morrison et al. [2]). With integrate-and-fire neurons
// (iaf_psc_alpha) the activity, and with it the weight distribution, depends on the network size; with ignore_and_fire
// neurons, which fire at rates and phases drawn at random whatever their input, the activity is fixed by the user and
// the network can be scaled exactly, while the plasticity still acts.
//
// [1] Brunel N (2000). Dynamics of networks of randomly connected excitatory and inhibitory spiking neurons.
//     Journal of Physiology-Paris 94(5-6):445-463.
// [2] Morrison A, Aertsen A, Diesmann M (2007). Spike-timing-dependent plasticity in balanced random networks.
//     Neural Computation 19(6):1437-1467.
//
// Run: cd examples && dotnet run ignore_and_fire.cs
// Simulates N = 1250 neurons (the smallest size of the example's scaling experiment; the example's default is 12500)
// for 10 s with each neuron model. Writes data/<neuron model>/ (spike files, connectivity before and after the
// simulation, parameters) and figures/ (raster plot, weight matrices, weight distribution; SVG and PNG) in the current directory.

using System.Diagnostics;
using NestSharp.Cli.Experiments;

const int N = 1250; // network size of this run

// Simulate the network with one neuron model, and store spike data, connectivity and parameters on disk
// (generate_reference_data).

static void GenerateReferenceData(string neuronModel)
{
    var parameters = IgnoreAndFireModel.GetDefaultParameters() with
    {
        NeuronModel = neuronModel,
        RecordSpikes = true,
        N = N,
    };

    var modelInstance = new IgnoreAndFireModel(parameters);

    Console.WriteLine($"\nneuron model: {modelInstance.Parameters.NeuronModel}");

    var start = Stopwatch.GetTimestamp();
    modelInstance.Create();
    modelInstance.Connect();
    double buildTime = Stopwatch.GetElapsedTime(start).TotalSeconds;

    // connectivity at start of simulation
    int subsetSize = 2000; // number of pre- and post-synaptic neurons weights are extracted from
    var popPre = modelInstance.Nodes.PopE[..Math.Min(subsetSize, modelInstance.Nodes.PopE.Count)];
    var popPost = modelInstance.Nodes.PopE[..Math.Min(subsetSize, modelInstance.Nodes.PopE.Count)];
    var C = modelInstance.GetConnectivity(popPre, popPost, modelInstance.Derived.DataPath + "/" + "connectivity_presim.dat");

    // simulate
    start = Stopwatch.GetTimestamp();
    modelInstance.Simulate(modelInstance.Parameters.T);
    double simTime = Stopwatch.GetElapsedTime(start).TotalSeconds;

    // save parameters to file
    modelInstance.SaveParameters("model_instance_parameters", modelInstance.Derived.DataPath);

    // connectivity at end of simulation
    C = modelInstance.GetConnectivity(popPre, popPost, modelInstance.Derived.DataPath + "/" + "connectivity_postsim.dat");

    Console.WriteLine($"\nbuild time: {buildTime:F2} s, simulation time: {simTime:F2} s, {C.Count} E->E connections among the first {popPre.Count} excitatory neurons");
}

// Load the data written by GenerateReferenceData and plot it (generate_reference_figures).

static void GenerateReferenceFigures(string neuronModel)
{
    var parameters = IgnoreAndFireModel.GetDefaultParameters() with
    {
        NeuronModel = neuronModel,
        RecordSpikes = true,
        N = N,
    };

    // fetch node ids
    var modelInstance = new IgnoreAndFireModel(parameters);
    modelInstance.Create();

    // create subfolder for figures (if necessary)
    Directory.CreateDirectory("figures");
    string dataPath = modelInstance.Derived.DataPath;

    // load spikes from reference data
    var spikes = IgnoreAndFireDataFiles.LoadSpikeData(dataPath, $"spikes-{modelInstance.Nodes.SpikeRecorder!.Ids[0]}");
    double rate = IgnoreAndFireAnalysis.TimeAndPopulationAveragedSpikeRate(spikes, (0.0, parameters.T), modelInstance.Derived.NRecSpikes);
    Console.WriteLine($"\n-----> average firing rate: nu={rate:F2} /s\n");
    Report(IgnoreAndFireFigures.PlotSpikes(spikes, parameters, modelInstance.Derived.NRecSpikes, $"figures/TwoPopulationNetworkPlastic_{neuronModel}_spikes.png"));

    // load connectivity from reference data
    var connectivityPresim = IgnoreAndFireDataFiles.LoadConnectivityData(dataPath, "connectivity_presim");
    var connectivityPostsim = IgnoreAndFireDataFiles.LoadConnectivityData(dataPath, "connectivity_postsim");

    // create connectivity matrices before and after simulation for a subset of neurons
    int subsetSize = 100;
    long[] popPre = [.. modelInstance.Nodes.PopE.Ids.Take(subsetSize).Select(id => (long)id)];
    long[] popPost = [.. modelInstance.Nodes.PopE.Ids.Take(subsetSize).Select(id => (long)id)];
    var wPresim = IgnoreAndFireAnalysis.GetConnectivityMatrix(connectivityPresim, popPre, popPost);
    var wPostsim = IgnoreAndFireAnalysis.GetConnectivityMatrix(connectivityPostsim, popPre, popPost);

    // plot connectivity matrices
    Console.WriteLine("\nPlotting connectivity matrix...");
    Report(IgnoreAndFireFigures.PlotConnectivityMatrix(wPresim, $"{neuronModel}: weights before simulation", $"figures/TwoPopulationNetworkPlastic_{neuronModel}_connectivity_presim.png"));
    Report(IgnoreAndFireFigures.PlotConnectivityMatrix(wPostsim, $"{neuronModel}: weights after simulation", $"figures/TwoPopulationNetworkPlastic_{neuronModel}_connectivity_postsim.png"));

    // compute weight distributions
    double[] weights = IgnoreAndFireAnalysis.Arange(0.0, 150.1, 0.5);
    double[] whistPresim = IgnoreAndFireAnalysis.GetWeightDistribution(connectivityPresim, weights);
    double[] whistPostsim = IgnoreAndFireAnalysis.GetWeightDistribution(connectivityPostsim, weights);

    // plot weight distributions (after the simulation: before it, all weights are I_E)
    Console.WriteLine("\nPlotting weight distributions...");
    var stats = IgnoreAndFireAnalysis.Statistics(connectivityPostsim.Weight);
    Console.WriteLine($"weight distribution [min,mean,median,sd,max] = [{stats.Min:F1}, {stats.Mean:F1}, {stats.Median:F1}, {stats.Sd:F1}, {stats.Max:F1}] pA");
    Console.WriteLine($"density in the bin of the initial weight: {whistPresim.Max():F2}/pA before, {whistPostsim[Array.IndexOf(whistPresim, whistPresim.Max())]:F2}/pA after the simulation");
    Report(IgnoreAndFireFigures.PlotWeightDistribution(connectivityPostsim.Weight, weights, $"{neuronModel}: weights after simulation", $"figures/TwoPopulationNetworkPlastic_{neuronModel}_weight_distributions.png"));
}

static void Report(NestSharp.Plotting.SaveResult saved) =>
    Console.WriteLine($"Figure: {saved.SvgPath}, {saved.PngPath}");

foreach (string neuronModel in new[] { "iaf_psc_alpha", "ignore_and_fire" })
{
    GenerateReferenceData(neuronModel);
    GenerateReferenceFigures(neuronModel);
}
