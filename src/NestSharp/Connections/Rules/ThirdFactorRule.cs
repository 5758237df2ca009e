namespace NestSharp.Connections.Rules;

/// <summary>
/// A third-factor connection rule of TripartiteConnect (NEST's ThirdOutBuilder): for every primary connection
/// (source → target) it decides whether the connection gets a third-factor node, and which one; the call then
/// connects that node to the target (third_out) and the source to that node (third_in). The rule decides the primary
/// connections of one target together, in a canonical order, drawing from a stream keyed by the call and the target,
/// so the decisions do not depend on the number of threads or processes. A rule class is found by its
/// <see cref="Kernel.ThirdFactorRuleNameAttribute"/>.
/// </summary>
internal abstract class ThirdFactorRule
{
    /// <param name="spec">The third_factor_conn_spec.</param>
    /// <param name="parameterKeys">The rule's own parameters; any other key of the spec is an error.</param>
    protected ThirdFactorRule(ConnSpec spec, params string[] parameterKeys)
    {
        Spec = spec;
        spec.CheckParameterKeys("third-factor connection rule", parameterKeys);
        if (spec.MakeSymmetric)
            throw new NestNotImplementedException($"The third-factor connection rule '{spec.Rule}' does not support symmetric connections (make_symmetric).");
    }

    /// <summary>The third_factor_conn_spec.</summary>
    public ConnSpec Spec { get; }

    /// <summary>
    /// Checks the rule's parameters against the sizes of the primary target population (<paramref name="targetCount"/>)
    /// and the third-factor population (<paramref name="thirdCount"/>), before anything is built.
    /// </summary>
    public abstract void Check(int targetCount, int thirdCount);

    /// <summary>Checks what of the spec needs no population sizes (for a spec made before the populations are known).</summary>
    public abstract void CheckParameters();

    /// <summary>
    /// Decides the primary connections to the target at position <paramref name="targetIndex"/> of the primary
    /// targets: writes into each entry of <paramref name="thirdOf"/> (one per connection, in canonical order) the
    /// position in the third-factor population of the connection's third-factor node, or -1 for none, drawing from
    /// <paramref name="stream"/> (the target's own). Called after <see cref="Check"/>.
    /// </summary>
    public abstract void Choose(int targetIndex, int thirdCount, ref RandomStream stream, Span<int> thirdOf);
}
