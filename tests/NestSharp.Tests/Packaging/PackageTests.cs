namespace NestSharp.Tests.Packaging;

/// <summary>
/// What <c>dotnet pack</c> makes can be used as a .NET developer uses packages: the library (packed with a version
/// of its own into a local folder feed) by a fresh console project, the command (the NestSharp.Cli tool package)
/// installed into a tool path and a local tool manifest. Restores use a NuGet.config whose only sources are local
/// folders: the feed and the machine's global package folder, which holds every package NestSharp depends on once the
/// repository has been restored (the test project's own build did that). No network source is asked, so the test
/// passes with nuget.org unreachable. The restores put packages into an empty package folder of their own, so no
/// earlier package of the same name and version is taken.
/// </summary>
[Trait("Category", "Slow")]
public sealed class PackageTests(PackageTests.PackedFeed packed) : IClassFixture<PackageTests.PackedFeed>
{
    private const string Dotnet = "dotnet";
    private const string Sdk = "the .NET SDK";

    [RequiresToolFact(Dotnet, Sdk, requiredOnCi: true)]
    public void Library_FromTheLocalFeed_RunsABrunelNetworkInAFreshConsoleProject()
    {
        var feed = packed.Feed;
        string project = feed.NewDirectory("console");
        DotnetCommand.Run(Dotnet, ["new", "console", "--framework", "net10.0", "--output", project], feed.Root, feed.Environment);
        File.Copy(feed.NuGetConfig, Path.Combine(project, "NuGet.config"));
        DotnetCommand.Run(Dotnet, ["add", "package", "NestSharp", "--version", feed.Version, "--no-restore"], project, feed.Environment);
        File.WriteAllText(Path.Combine(project, "Program.cs"), """
            using NestSharp;

            // A small Brunel network: 400 excitatory and 100 inhibitory neurons, 100 and 25 inputs each, Poisson drive.
            var nest = new Simulator();
            nest.SetKernelStatus(new() { ["resolution"] = 0.1, ["rng_seed"] = 12, ["local_num_threads"] = 2 });
            var neuronParams = new Dictionary<string, object>
            {
                ["C_m"] = 250.0, ["tau_m"] = 20.0, ["t_ref"] = 2.0, ["E_L"] = 0.0, ["V_reset"] = 0.0, ["V_m"] = 0.0,
                ["V_th"] = 20.0, ["tau_syn_ex"] = 0.5, ["tau_syn_in"] = 0.5,
            };
            var exc = nest.Create("iaf_psc_alpha", 400, neuronParams);
            var inh = nest.Create("iaf_psc_alpha", 100, neuronParams);
            var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = 20_000.0 });
            var rec = nest.Create("spike_recorder");
            nest.CopyModel("static_synapse", "excitatory", new() { ["weight"] = 20.68, ["delay"] = 1.5 });
            nest.CopyModel("static_synapse", "inhibitory", new() { ["weight"] = -5 * 20.68, ["delay"] = 1.5 });
            nest.Connect(noise, exc + inh, syn: "excitatory");
            nest.Connect(exc, exc + inh, Rule.FixedIndegree(100), "excitatory");
            nest.Connect(inh, exc + inh, Rule.FixedIndegree(25), "inhibitory");
            nest.Connect(exc[..50], rec);
            nest.Simulate(200.0);
            Console.WriteLine($"spikes: {rec.Get<long>("n_events")}");
            """);

        string output = DotnetCommand.Run(Dotnet, ["run", "-c", "Release"], project, feed.Environment);

        var spikes = System.Text.RegularExpressions.Regex.Match(output, @"spikes: (\d+)");
        Assert.True(spikes.Success, output);
        Assert.True(long.Parse(spikes.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 0, output);
    }

    [RequiresToolFact(Dotnet, Sdk, requiredOnCi: true)]
    public void Packages_CarryTheMitLicenceFile()
    {
        var feed = packed.Feed;
        foreach (string id in new[] { "NestSharp", "NestSharp.Cli" })
        {
            string package = Path.Combine(feed.Packages, $"{id}.{feed.Version}.nupkg");
            using var archive = System.IO.Compression.ZipFile.OpenRead(package);
            var licence = archive.GetEntry("LICENSE");
            Assert.True(licence is not null, $"{package} has no LICENSE");
            using var reader = new StreamReader(licence.Open());
            string text = reader.ReadToEnd();
            Assert.StartsWith("MIT License", text, StringComparison.Ordinal);
            Assert.Contains("Copyright (c) 2026 NestSharp contributors", text, StringComparison.Ordinal);
        }
    }

    [RequiresToolFact(Dotnet, Sdk, requiredOnCi: true)]
    public void Tool_InstalledIntoAToolPath_RunsBrunelAsNestsharp()
    {
        var feed = packed.Feed;
        string toolPath = feed.NewDirectory("tools");
        DotnetCommand.Run(
            Dotnet,
            ["tool", "install", "NestSharp.Cli", "--tool-path", toolPath, "--version", feed.Version, "--configfile", feed.NuGetConfig],
            feed.Root,
            feed.Environment);
        string work = feed.NewDirectory("tool-run");

        string output = DotnetCommand.Run(Path.Combine(toolPath, "nestsharp"), ["brunel", "--order", "50", "--threads", "1"], work, feed.Environment);

        Assert.Contains("Brunel network simulation (C#)", output);
        Assert.Matches(@"\| Neurons\s+\|\s+250 \|", output);
        Assert.True(File.Exists(Path.Combine(work, "brunel-out", "brunel_raster.svg")), output);
        Assert.DoesNotContain('\r', output);
        Assert.DoesNotContain('\u001b', output);
    }

    [RequiresToolFact(Dotnet, Sdk, requiredOnCi: true)]
    public void Tool_InALocalToolManifest_RunsAsDotnetNestsharp()
    {
        var feed = packed.Feed;
        string project = feed.NewDirectory("manifest");
        DotnetCommand.Run(Dotnet, ["new", "tool-manifest"], project, feed.Environment);
        File.Copy(feed.NuGetConfig, Path.Combine(project, "NuGet.config"));
        DotnetCommand.Run(Dotnet, ["tool", "install", "NestSharp.Cli", "--version", feed.Version], project, feed.Environment);

        string output = DotnetCommand.Run(Dotnet, ["nestsharp", "--help"], project, feed.Environment);

        Assert.Contains("nestsharp [command] [options]", output);
        Assert.Contains("brunel", output);
    }

    /// <summary>The packages NestSharp and NestSharp.Cli packed once for the tests of the class, into a temporary folder.</summary>
    public sealed class PackedFeed : IDisposable
    {
        private readonly Lazy<LocalFeed> _feed = new(LocalFeed.Pack);

        /// <summary>The feed, packed at the first use (so a run whose tests are all skipped packs nothing).</summary>
        public LocalFeed Feed => _feed.Value;

        public void Dispose()
        {
            if (_feed.IsValueCreated) Directory.Delete(_feed.Value.Root, recursive: true);
        }
    }

    /// <summary>A temporary folder with the feed, a NuGet.config naming it, and an empty NuGet package folder.</summary>
    public sealed record LocalFeed(string Root, string Version)
    {
        public string Packages => Path.Combine(Root, "feed");

        public string NuGetConfig => Path.Combine(Root, "NuGet.config");

        /// <summary>An empty package folder of the tests' own and no telemetry.</summary>
        public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = Path.Combine(Root, "packages"),
        };

        public string NewDirectory(string name) => Directory.CreateDirectory(Path.Combine(Root, name)).FullName;

        public static LocalFeed Pack()
        {
            string root = Directory.CreateTempSubdirectory("nestsharp-pack-").FullName;
            var feed = new LocalFeed(root, $"0.0.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}");
            Directory.CreateDirectory(feed.Packages);
            File.WriteAllText(feed.NuGetConfig, $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="nestsharp-local" value="{feed.Packages}" />
                    <add key="machine-packages" value="{GlobalPackagesFolder(root)}" />
                  </packageSources>
                </configuration>
                """);
            // The build goes to an artifacts folder of its own: the repository's bin/ and obj/ stay as they are. Its
            // restore reads the same local sources, without NuGet's audit (the vulnerability data is on nuget.org).
            foreach (string project in new[] { "src/NestSharp/NestSharp.csproj", "src/NestSharp.Cli/NestSharp.Cli.csproj" })
            {
                DotnetCommand.Run(
                    Dotnet,
                    ["pack", Path.Combine(DotnetCommand.RepositoryRoot, project), "-c", "Release", "-o", feed.Packages,
                        "--artifacts-path", Path.Combine(root, "build"), $"-p:Version={feed.Version}",
                        $"-p:RestoreConfigFile={feed.NuGetConfig}", "-p:NuGetAudit=false", "-nologo", "-v:q"],
                    root);
            }
            return feed;
        }

        /// <summary>
        /// The machine's global package folder (NUGET_PACKAGES or NuGet's default, as <c>dotnet nuget locals</c> reports
        /// it), whose id/version/*.nupkg layout NuGet reads as a local feed.
        /// </summary>
        private static string GlobalPackagesFolder(string directory)
        {
            string listing = DotnetCommand.Run(Dotnet, ["nuget", "locals", "global-packages", "--list"], directory);
            const string Prefix = "global-packages:";
            int at = listing.IndexOf(Prefix, StringComparison.Ordinal);
            Assert.True(at >= 0, $"'dotnet nuget locals global-packages --list' printed no folder: {listing}");
            string folder = listing[(at + Prefix.Length)..].Split('\n')[0].Trim();
            Assert.True(Directory.Exists(folder), $"the global package folder {folder} does not exist");
            return folder;
        }
    }
}
