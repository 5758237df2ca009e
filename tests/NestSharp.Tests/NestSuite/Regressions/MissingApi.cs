namespace NestSharp.Tests.NestSuite.Regressions;

/// <summary>
/// PyNEST calls used by NEST's regression tests that NestSharp's public API does not offer yet. Each stub throws
/// <see cref="MissingApiException"/>, so a test written against it fails; such tests are skipped with
/// "needs: API ...". When NestSharp gains the call, replace the stub's body with it and remove the skips.
/// </summary>
internal static class MissingApi
{
    /// <summary>PyNEST's <c>conns[i]</c>: the i-th connection of a SynapseCollection, as a SynapseCollection.</summary>
    public static SynapseCollection At(this SynapseCollection conns, int index) =>
        throw new MissingApiException("SynapseCollection[index]");

    /// <summary>PyNEST's <c>conns.disconnect()</c>: removes exactly the connections of the collection.</summary>
    public static void Disconnect(this SynapseCollection conns) =>
        throw new MissingApiException("SynapseCollection.disconnect()");

    /// <summary>PyNEST's <c>nest.Disconnect(conns)</c>: removes exactly the connections of a SynapseCollection.</summary>
    public static void Disconnect(this Simulator nest, SynapseCollection conns) =>
        throw new MissingApiException("nest.Disconnect(SynapseCollection)");

    /// <summary>PyNEST's <c>number op parameter</c> and <c>parameter op number</c> where NestSharp has no operator.</summary>
    public static Parameter Operator(string op, object lhs, object rhs) =>
        throw new MissingApiException($"Parameter operator '{op}' with ({Kind(lhs)}, {Kind(rhs)})");

    private static string Kind(object x) => x is Parameter ? "Parameter" : "number";
}

/// <summary>A PyNEST call NestSharp has no counterpart for (see <see cref="MissingApi"/>).</summary>
internal sealed class MissingApiException(string pynest) : Exception($"NestSharp's API has no counterpart of PyNEST's {pynest}.");
