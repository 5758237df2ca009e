using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using NestSharp.Python;

namespace NestSharp.Tests.Python;

/// <summary>
/// The requests of the Python front end (src/NestSharp.Python): one JSON message in, one JSON value out, with numeric
/// arrays handed over in bulk and NestSharp's collections named by handles. (python/tests checks the same bridge from
/// Python, through libhostfxr.)
/// </summary>
public sealed partial class SessionTests
{
    private readonly Session _session = new();

    private string SendText(string request) => Encoding.UTF8.GetString(_session.Handle(Encoding.UTF8.GetBytes(request)));

    /// <summary>The reply, with Python's NaN and Infinity (which System.Text.Json does not read) as null.</summary>
    private JsonElement Send(string request) =>
        JsonDocument.Parse(NonFiniteNumbers().Replace(SendText(request), "null")).RootElement;

    [GeneratedRegex("(?<=[:\\[,] ?)(-?Infinity|NaN)")]
    private static partial Regex NonFiniteNumbers();

    [Fact]
    public void InfinitiesAreWrittenAsPythonReadsThem()
    {
        Assert.Contains("\"update_time_limit\":Infinity", SendText("""{"op": "GetKernelStatus"}"""), StringComparison.Ordinal);
    }

    [Fact]
    public void IntegersStayIntegersAndRealsStayReals()
    {
        Send("""{"op": "SetKernelStatus", "params": {"rng_seed": 12, "resolution": 0.25}}""");
        var status = Send("""{"op": "GetKernelStatus"}""");
        Assert.Equal("12", status.GetProperty("rng_seed").GetRawText());
        Assert.Equal("0.25", status.GetProperty("resolution").GetRawText());
    }

    [Fact]
    public void WholeRealsAreWrittenAsReals()
    {
        var nodes = Send("""{"op": "Create", "model": "iaf_psc_alpha", "n": 1}""");
        var value = Send($$$"""{"op": "nc_get", "nc": {"__nc__": {{{nodes.GetProperty("__nc__").GetInt64()}}}}, "keys": "V_m"}""");
        Assert.Equal("-70.0", value.GetRawText());
    }

    [Fact]
    public void PerNodeNumbersComeBackAsOneBulkArray()
    {
        var nodes = Send("""{"op": "Create", "model": "iaf_psc_alpha", "n": 3, "params": {"V_m": [-1.0, -2.0, -3.0]}}""");
        var reply = Send($$$"""{"op": "nc_get", "nc": {"__nc__": {{{nodes.GetProperty("__nc__").GetInt64()}}}}, "keys": "V_m"}""");
        Assert.Equal("f8", reply.GetProperty("dtype").GetString());
        Assert.Equal(3, reply.GetProperty("n").GetInt64());
        var values = Assert.IsType<double[]>(_session.Arrays.Take(reply.GetProperty("__array__").GetInt32()));
        Assert.Equal([-1.0, -2.0, -3.0], values);
    }

    [Fact]
    public void ArraysHandedOverInBulkAreReadWhereTheRequestNamesThem()
    {
        int slot = _session.Arrays.Keep(new[] { -5.0, -6.0 });
        var nodes = Send("""{"op": "Create", "model": "iaf_psc_alpha", "n": 2, "params": {"V_m": {"__array__": """ + slot + "}}}");
        var handle = nodes.GetProperty("__nc__").GetInt64();
        Assert.Equal([-5.0, -6.0], _session.Handles.Get<NodeCollection>(handle).GetValues<double>("V_m"));
    }

    [Fact]
    public void ParameterDescriptionsBecomeParameters()
    {
        Send("""{"op": "Create", "model": "iaf_psc_alpha", "n": 100, "params": {"V_m": {"__param__": "redraw", "of": {"__param__": "normal", "specs": {"mean": -65.0, "std": 10.0}}, "min": -70.0, "max": -60.0}}}""");
        var values = _session.Kernel.Nodes([.. Enumerable.Range(1, 100)]).GetValues<double>("V_m");
        Assert.All(values, v => Assert.InRange(v, -70.0, -60.0));
        Assert.True(values.Distinct().Count() > 50);
    }

    [Fact]
    public void NestsErrorsLeaveTheSessionWithTheirNestName()
    {
        var error = Assert.Throws<UnknownModelNameException>(() => Send("""{"op": "Create", "model": "no_such_model", "n": 1}"""));
        Assert.Equal("UnknownModelName", error.NestName);
    }

    [Fact]
    public void ReleasedHandlesAreForgotten()
    {
        var nodes = Send("""{"op": "Create", "model": "iaf_psc_alpha", "n": 1}""");
        long handle = nodes.GetProperty("__nc__").GetInt64();
        Send($$"""{"op": "release", "handles": [{{handle}}]}""");
        Assert.Throws<KernelException>(() => _session.Handles.Get<NodeCollection>(handle));
    }
}
