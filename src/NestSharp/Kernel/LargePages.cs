namespace NestSharp.Kernel;

/// <summary>
/// Arrays that are read and written at random places (the input ring, large synapse blocks while they are filled) backed by
/// 2 MiB pages where Linux offers transparent huge pages on request (<c>/sys/kernel/mm/transparent_hugepage/enabled</c>
/// = madvise, the usual default): with 4 KiB pages, every random access into an array of tens of megabytes also misses
/// the address translation cache. Elsewhere the array is an ordinary one. Contents and results are the same either way.
/// </summary>
internal static partial class LargePages
{
    private const int AdviseHugePage = 14; // MADV_HUGEPAGE
    private const long HugePageBytes = 2L << 20;

    /// <summary>
    /// A zeroed array of <paramref name="length"/> elements, advised onto huge pages when it spans several (and
    /// <paramref name="advise"/>; either way a large array is cleared here, all its pages touched at once). Pinned
    /// (<paramref name="pinned"/>): its address never changes, so loops may ask for its elements ahead by address.
    /// Otherwise a large array lives on the large object heap, which the collector does not compact (its range stays
    /// put), and its memory goes back as an ordinary array's when it is dropped (the collector holds on to pinned
    /// arrays' memory longer).
    /// </summary>
    public static T[] Zeroed<T>(long length, bool pinned, bool advise = true) where T : unmanaged
    {
        int n = checked((int)length);
        if (length * Unsafe.SizeOf<T>() < 2 * HugePageBytes || !OperatingSystem.IsLinux()) return GC.AllocateArray<T>(n, pinned);
        var array = GC.AllocateUninitializedArray<T>(n, pinned);
        if (advise) Advise(array);
        Array.Clear(array); // first touch after the advice: the kernel backs the range with huge pages as it faults in
        return array;
    }

    private static unsafe void Advise<T>(T[] array) where T : unmanaged
    {
        nint start = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));
        nint end = start + (nint)((long)array.Length * sizeof(T));
        nint alignedStart = (nint)(((long)start + HugePageBytes - 1) & ~(HugePageBytes - 1));
        nint alignedEnd = (nint)((long)end & ~(HugePageBytes - 1));
        if (alignedEnd <= alignedStart) return;
        try
        {
            _ = madvise(alignedStart, (nuint)(alignedEnd - alignedStart), AdviseHugePage);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // no C library to ask: ordinary pages
        }
    }

    [LibraryImport("libc")]
    private static partial int madvise(nint address, nuint length, int advice);
}
