namespace NestSharp.Python;

/// <summary>
/// The requests of PyNEST's <c>nest.SonataNetwork</c>: the network object stays in .NET (<see cref="SonataNetwork"/>),
/// named by a handle that Python releases when its wrapper is collected.
/// </summary>
internal sealed partial class Session
{
    private static bool IsSonataOperation(string op) => op.StartsWith("sonata_", StringComparison.Ordinal);

    private object? RunSonata(string op, Arguments a) => op switch
    {
        "sonata_new" => Handles.Add(Kernel.SonataNetwork(a.String("config"), a.OptionalString("sim_config"))),
        "sonata_create" => Sonata(a).Create(),
        "sonata_connect" => Do(() => Sonata(a).Connect(a.Has("hdf5_hyperslab_size") ? a.Long("hdf5_hyperslab_size") : null)),
        "sonata_simulate" => Do(Sonata(a).Simulate),
        "sonata_node_collections" => Sonata(a).NodeCollections,
        "sonata_config" => Sonata(a).Config.ToJsonString(),
        _ => throw new BadParameterException("op", op, "not a SONATA operation"),
    };

    private SonataNetwork Sonata(Arguments a) => Handles.Get<SonataNetwork>(a.Long("net"));
}
