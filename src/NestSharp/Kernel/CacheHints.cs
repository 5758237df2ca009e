using System.Runtime.Intrinsics.X86;

namespace NestSharp.Kernel;

/// <summary>
/// Asking the processor to bring a cache line in before it is read or written, so that the waits of several random
/// accesses into large arrays overlap instead of following one another.
/// </summary>
internal static class CacheHints
{
    /// <summary>
    /// A hint to load element <paramref name="index"/> of <paramref name="array"/> into the cache: nothing is read or
    /// written, and a stale or out-of-range address does no harm (prefetches never fault).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Prefetch<T>(T[] array, nint index) where T : unmanaged
    {
        if (Sse.IsSupported) Sse.Prefetch0((T*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array)) + index);
    }
}
