namespace NestSharp.Kernel.Communication;

/// <summary>
/// The communicator over OpenMPI's C library (Debian's libmpi.so.40), called through function pointers found with
/// <see cref="NativeLibrary"/>: no MPI package for .NET is needed, and the library is loaded only when a process is
/// started by mpirun (or MPI is asked for). MPI is initialised with MPI_THREAD_SERIALIZED, since the kernel calls
/// it from whichever of its threads runs the serial phase of a slice, one at a time.
/// <para>OpenMPI's handles (MPI_COMM_WORLD, datatypes, operations) are addresses of exported globals
/// (ompi_mpi_comm_world, ompi_mpi_byte, ompi_mpi_int, ompi_mpi_long_long_int, ompi_mpi_op_sum/min/max).</para>
/// </summary>
internal sealed unsafe class MpiCommunicator : ICommunicator
{
    private const string Library = "libmpi.so.40";
    private const int ThreadSerialized = 2;

    private static MpiCommunicator? _world;
    private static readonly object Gate = new();

    private readonly nint _comm, _byte, _int, _longLong, _sum, _min, _max;
    private readonly delegate* unmanaged<void*, int, nint, void*, int, nint, nint, int> _allgather;
    private readonly delegate* unmanaged<void*, int, nint, void*, int*, int*, nint, nint, int> _allgatherv;
    private readonly delegate* unmanaged<void*, void*, int, nint, nint, nint, int> _allreduce;
    private readonly delegate* unmanaged<int> _finalize;
    private int[] _counts, _displacements;

    private MpiCommunicator(nint library)
    {
        nint Export(string name) => NativeLibrary.GetExport(library, name);
        var initialized = (delegate* unmanaged<int*, int>)Export("MPI_Initialized");
        var initThread = (delegate* unmanaged<int*, byte***, int, int*, int>)Export("MPI_Init_thread");
        var commRank = (delegate* unmanaged<nint, int*, int>)Export("MPI_Comm_rank");
        var commSize = (delegate* unmanaged<nint, int*, int>)Export("MPI_Comm_size");
        _allgather = (delegate* unmanaged<void*, int, nint, void*, int, nint, nint, int>)Export("MPI_Allgather");
        _allgatherv = (delegate* unmanaged<void*, int, nint, void*, int*, int*, nint, nint, int>)Export("MPI_Allgatherv");
        _allreduce = (delegate* unmanaged<void*, void*, int, nint, nint, nint, int>)Export("MPI_Allreduce");
        _finalize = (delegate* unmanaged<int>)Export("MPI_Finalize");
        _comm = Export("ompi_mpi_comm_world");
        _byte = Export("ompi_mpi_byte");
        _int = Export("ompi_mpi_int");
        _longLong = Export("ompi_mpi_long_long_int");
        _sum = Export("ompi_mpi_op_sum");
        _min = Export("ompi_mpi_op_min");
        _max = Export("ompi_mpi_op_max");

        int flag = 0;
        Check(initialized(&flag), "MPI_Initialized");
        if (flag == 0)
        {
            int provided = 0;
            Check(initThread(null, null, ThreadSerialized, &provided), "MPI_Init_thread");
            if (provided < ThreadSerialized)
                throw new KernelException($"MPI provides thread level {provided}; NestSharp needs MPI_THREAD_SERIALIZED ({ThreadSerialized}).");
            AppDomain.CurrentDomain.ProcessExit += (_, _) => _finalize();
        }
        int rank = 0, size = 0;
        Check(commRank(_comm, &rank), "MPI_Comm_rank");
        Check(commSize(_comm, &size), "MPI_Comm_size");
        Rank = rank;
        Size = size;
        _counts = new int[size];
        _displacements = new int[size];
    }

    public int Rank { get; }
    public int Size { get; }

    /// <summary>Whether this process was started by mpirun (OpenMPI sets OMPI_COMM_WORLD_SIZE).</summary>
    public static bool LaunchedByMpirun => Environment.GetEnvironmentVariable("OMPI_COMM_WORLD_SIZE") is not null;

    /// <summary>The world communicator, initialising MPI on first use.</summary>
    public static MpiCommunicator World
    {
        get
        {
            lock (Gate)
            {
                if (_world is not null) return _world;
                MpirunConsole.UsePlainStreams();
                if (!NativeLibrary.TryLoad(Library, out nint library))
                    throw new KernelException($"MPI was asked for, but {Library} could not be loaded: install OpenMPI (Debian: apt-get install openmpi-bin libopenmpi-dev).");
                return _world = new MpiCommunicator(library);
            }
        }
    }

    private static void Check(int code, string call)
    {
        if (code != 0) throw new KernelException($"{call} failed with MPI error code {code}.");
    }

    public int AllGather<T>(ReadOnlySpan<T> local, ref T[] all) where T : unmanaged
    {
        int size = sizeof(T);
        int mine = checked(local.Length * size);
        fixed (int* counts = _counts)
            Check(_allgather(&mine, 1, _int, counts, 1, _int, _comm), "MPI_Allgather");
        long total = 0;
        for (int r = 0; r < Size; r++)
        {
            _displacements[r] = checked((int)total);
            total += _counts[r];
        }
        int items = checked((int)(total / size));
        if (all.Length < items) all = new T[Math.Max(items, all.Length * 2)];
        fixed (T* send = local)
        fixed (T* receive = all)
        fixed (int* counts = _counts)
        fixed (int* displacements = _displacements)
            Check(_allgatherv(send, mine, _byte, receive, counts, displacements, _byte, _comm), "MPI_Allgatherv");
        return items;
    }

    public long Sum(long value) => Reduce(value, _sum);
    public long Min(long value) => Reduce(value, _min);
    public long Max(long value) => Reduce(value, _max);

    private long Reduce(long value, nint op)
    {
        long result = 0;
        Check(_allreduce(&value, &result, 1, _longLong, op, _comm), "MPI_Allreduce");
        return result;
    }
}
