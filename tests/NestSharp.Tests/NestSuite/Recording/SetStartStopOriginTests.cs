using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Recording;

/// <summary>
/// Port of NEST 3.10's <c>testsuite/pytests/recording/test_set_start_stop_origin.py</c>: every node model with one of
/// start, stop, origin (NestSharp's devices), each attribute.
/// </summary>
public sealed class SetStartStopOriginTests
{
    private static readonly string[] DeviceAttributes = ["start", "stop", "origin"];

    /// <summary>A value no default has: 1234.0 * 42 (on the grid of the default resolution).</summary>
    private const double Value = 1234.0 * 42;

    public static TheoryData<string> GetDevices() => NodeModelsWhere(d => DeviceAttributes.Any(d.ContainsKey));

    public static TheoryData<string, string> GetDevicesAndAttributes()
    {
        var data = new TheoryData<string, string>();
        foreach (string device in GetDevices())
        {
            foreach (var attr in DeviceAttributes) data.Add(device, attr);
        }
        return data;
    }

    // NEST: testsuite/pytests/recording/test_set_start_stop_origin.py::test_one_attr_implies_all_attr
    [Theory]
    [MemberData(nameof(GetDevices))]
    public void OneAttrImpliesAllAttr(string device)
    {
        var modelDefaults = new Simulator().GetDefaults(device);

        int actual = DeviceAttributes.Count(modelDefaults.ContainsKey);
        int expected = DeviceAttributes.Length;

        Assert.Equal(expected, actual);
    }

    // NEST: testsuite/pytests/recording/test_set_start_stop_origin.py::test_initial_default_value
    [Theory]
    [MemberData(nameof(GetDevices))]
    public void InitialDefaultValue(string device)
    {
        var modelDefaults = new Simulator().GetDefaults(device);

        foreach (var attr in DeviceAttributes) Assert.NotEqual(Value, (double)modelDefaults[attr]);
    }

    // NEST: testsuite/pytests/recording/test_set_start_stop_origin.py::test_setting_new_default_value
    [Theory]
    [MemberData(nameof(GetDevicesAndAttributes))]
    public void SettingNewDefaultValue(string device, string attr)
    {
        var nest = new Simulator();
        nest.SetDefaults(device, new() { [attr] = Value });

        Assert.Equal(Value, nest.GetDefaults<double>(device, attr));
    }

    // NEST: testsuite/pytests/recording/test_set_start_stop_origin.py::test_inheriting_new_default_on_instance
    [Theory]
    [MemberData(nameof(GetDevicesAndAttributes))]
    public void InheritingNewDefaultOnInstance(string device, string attr)
    {
        var nest = new Simulator();
        nest.SetDefaults(device, new() { [attr] = Value });

        Assert.Equal(Value, nest.Create(device).Get<double>(attr));
    }

    // NEST: testsuite/pytests/recording/test_set_start_stop_origin.py::test_setting_new_value_on_create
    [Theory]
    [MemberData(nameof(GetDevicesAndAttributes))]
    public void SettingNewValueOnCreate(string device, string attr)
    {
        var nest = new Simulator();
        var deviceInstance = nest.Create(device, 1, new() { [attr] = Value });

        Assert.Equal(Value, deviceInstance.Get<double>(attr));
    }

    // NEST: testsuite/pytests/recording/test_set_start_stop_origin.py::test_setting_new_value_after_create
    [Theory]
    [MemberData(nameof(GetDevicesAndAttributes))]
    public void SettingNewValueAfterCreate(string device, string attr)
    {
        var nest = new Simulator();
        var deviceInstance = nest.Create(device);
        deviceInstance.Set(new Dictionary<string, object> { [attr] = Value });

        Assert.Equal(Value, deviceInstance.Get<double>(attr));
    }
}
