namespace NestSharp.Recording;

/// <summary>Device parameters several recording backends share, checked as NEST's backends check them.</summary>
internal static class BackendParameters
{
    /// <summary>A <c>precision</c> (digits after the point of written times and values), checked: 0 to 17.</summary>
    public static int Precision(string key, object value)
    {
        int precision = StatusValue.ToInt(key, value);
        return precision is >= 0 and <= 17 ? precision : throw new BadPropertyException(key, precision, "must be between 0 and 17");
    }

    /// <summary>
    /// A new <c>time_in_steps</c> (times as steps plus offsets instead of ms). NEST fixes it once the kernel has
    /// simulated: the memory backend refuses any value from then on (<paramref name="sameValueAllowed"/> false), the
    /// ascii backend only a change (<paramref name="sameValueAllowed"/> true).
    /// </summary>
    public static bool TimeInSteps(string key, object value, bool current, Nodes.StatusContext context, bool sameValueAllowed)
    {
        bool inSteps = StatusValue.ToBool(key, value);
        if (context.CurrentStep > 0 && !(sameValueAllowed && inSteps == current))
            throw new BadPropertyException(key, inSteps, "Property time_in_steps cannot be set after Simulate has been called");
        return inSteps;
    }
}
