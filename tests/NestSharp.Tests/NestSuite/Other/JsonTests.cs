using System.Text.Json;

namespace NestSharp.Tests.NestSuite.Other;

/// <summary>
/// Statuses as JSON, as NEST's other/test_json.py checks them (PyNEST's <c>output="json"</c> and <c>nest.to_json</c>
/// are <see cref="NestJson.ToJson"/>); here the text must also parse as JSON.
/// </summary>
public sealed class JsonTests
{
    private static void AssertIsJson(string text) => JsonDocument.Parse(text).Dispose();

    // NEST: other/test_json.py::StatusTestCase::test_GetDefaults_JSON
    [Fact]
    public void DefaultsOfEveryModel_AreJson()
    {
        var nest = new Simulator();
        foreach (string model in nest.NodeModels().Concat(nest.SynapseModels()))
            AssertIsJson(NestJson.ToJson(nest.GetDefaults(model)));
    }

    // NEST: other/test_json.py::StatusTestCase::test_kernel_status_JSON
    [Fact]
    public void KernelStatus_IsJson() => AssertIsJson(NestJson.ToJson(new Simulator().GetKernelStatus()));

    // NEST: other/test_json.py::StatusTestCase::test_get_JSON
    [Fact]
    public void StatusOfANodeOfEveryModel_IsJson()
    {
        foreach (string model in new Simulator().NodeModels())
        {
            var nest = new Simulator();
            AssertIsJson(NestJson.ToJson(nest.Create(model).Get()));
        }
    }
}
