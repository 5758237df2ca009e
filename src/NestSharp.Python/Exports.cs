using System.Runtime.InteropServices;
using System.Text;

namespace NestSharp.Python;

/// <summary>
/// The C entry points of the Python package (python/nestsharp/_host.py loads them through the .NET hosting API). Every
/// call returns 0 on success and -1 when it failed; exceptions never leave these methods: the failure is kept for
/// <see cref="ErrorLength"/> and <see cref="CopyError"/>, which give Python the NEST name and message of the error
/// (<c>{"name": "BadProperty", "message": "..."}</c>) to raise the matching <c>nest.kernel.NESTErrors</c> class.
/// </summary>
/// <remarks>
/// A request is one UTF-8 JSON message (<see cref="Session"/>). Its reply stays here until Python copies it with
/// <see cref="CopyReply"/>; the numeric arrays of a reply are copied into numpy buffers with <see cref="CopyArray"/>, and
/// Python hands numeric arrays over with <see cref="PutArray"/> before the request that names them: one call per array,
/// never one per element. Python holds the GIL around each call, so calls never overlap.
/// </remarks>
public static unsafe class Exports
{
    private static readonly Session Session = new();
    private static byte[] _reply = [];
    private static byte[] _error = [];

    /// <summary>
    /// The version of these entry points' signatures; python/nestsharp/_host.py refuses assemblies of another (a
    /// package whose nestsharp/_lib was built before its Python code changed), rather than call them wrongly.
    /// </summary>
    public const int InterfaceVersion = 2;

    /// <summary>See <see cref="InterfaceVersion"/>.</summary>
    [UnmanagedCallersOnly]
    public static int Version() => InterfaceVersion;

    /// <summary>
    /// Runs the request of <paramref name="length"/> bytes at <paramref name="request"/>; the reply's length goes to
    /// <paramref name="replyLength"/>. A reply of at most <paramref name="capacity"/> bytes is copied to
    /// <paramref name="replyBuffer"/> at once (most are: one call per request); a longer one waits for <see cref="CopyReply"/>.
    /// </summary>
    [UnmanagedCallersOnly]
    public static int Call(byte* request, long length, byte* replyBuffer, long capacity, long* replyLength)
    {
        try
        {
            _reply = Session.Handle(new ReadOnlySpan<byte>(request, checked((int)length)));
            *replyLength = _reply.Length;
            if (_reply.Length <= capacity)
            {
                _reply.AsSpan().CopyTo(new Span<byte>(replyBuffer, _reply.Length));
                _reply = [];
            }
            return 0;
        }
        catch (Exception e)
        {
            Session.Arrays.Clear();
            return Fail(e);
        }
    }

    /// <summary>Copies the last reply (of the length <see cref="Call"/> gave, too long for its buffer) to <paramref name="destination"/>.</summary>
    [UnmanagedCallersOnly]
    public static int CopyReply(byte* destination)
    {
        _reply.AsSpan().CopyTo(new Span<byte>(destination, _reply.Length));
        _reply = [];
        return 0;
    }

    /// <summary>
    /// Copies the reply's array in <paramref name="slot"/> to <paramref name="destination"/>, which has room for
    /// <paramref name="count"/> elements of its dtype (8 bytes each), and forgets it.
    /// </summary>
    [UnmanagedCallersOnly]
    public static int CopyArray(int slot, void* destination, long count)
    {
        try
        {
            switch (Session.Arrays.Take(slot))
            {
                case double[] values when values.LongLength == count: values.AsSpan().CopyTo(new Span<double>(destination, values.Length)); break;
                case long[] values when values.LongLength == count: values.AsSpan().CopyTo(new Span<long>(destination, values.Length)); break;
                case var other: throw new KernelException($"InvalidHandle: the array in slot {slot} has {other.Length} elements, not {count}.");
            }
            return 0;
        }
        catch (Exception e)
        {
            return Fail(e);
        }
    }

    /// <summary>
    /// Hands over <paramref name="count"/> elements at <paramref name="source"/> (<paramref name="dtype"/> 0: float64,
    /// 1: int64, 2: bool as bytes) and writes the slot that the next request names as <c>{"__array__": slot}</c>.
    /// </summary>
    [UnmanagedCallersOnly]
    public static int PutArray(void* source, long count, int dtype, int* slot)
    {
        try
        {
            int n = checked((int)count);
            Array values = dtype switch
            {
                0 => new ReadOnlySpan<double>(source, n).ToArray(),
                1 => new ReadOnlySpan<long>(source, n).ToArray(),
                2 => Array.ConvertAll(new ReadOnlySpan<byte>(source, n).ToArray(), b => b != 0),
                _ => throw new BadParameterException("dtype", dtype, "0 (float64), 1 (int64) or 2 (bool)"),
            };
            *slot = Session.Arrays.Keep(values);
            return 0;
        }
        catch (Exception e)
        {
            return Fail(e);
        }
    }

    /// <summary>The length in bytes of the last error's JSON text.</summary>
    [UnmanagedCallersOnly]
    public static long ErrorLength() => _error.Length;

    /// <summary>Copies the last error's JSON text (<see cref="ErrorLength"/> bytes) to <paramref name="destination"/>.</summary>
    [UnmanagedCallersOnly]
    public static int CopyError(byte* destination)
    {
        _error.AsSpan().CopyTo(new Span<byte>(destination, _error.Length));
        return 0;
    }

    private static int Fail(Exception e)
    {
        try
        {
            _error = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["name"] = NameOf(e),
                ["message"] = e.Message,
            }));
        }
        catch (Exception)
        {
            _error = "{\"name\": \"NESTError\", \"message\": \"(the error could not be described)\"}"u8.ToArray();
        }
        return -1;
    }

    /// <summary>NEST's name for a NestSharp error; for .NET's own errors, the Python exception that matches them.</summary>
    private static string NameOf(Exception e) => e switch
    {
        NestException nest => nest.NestName,
        ArgumentOutOfRangeException or IndexOutOfRangeException => "IndexError",
        OverflowException => "OverflowError",
        KeyNotFoundException => "KeyError",
        FileNotFoundException => "FileNotFoundError",
        ArgumentException or FormatException or System.Text.Json.JsonException => "ValueError",
        InvalidCastException => "TypeError",
        OutOfMemoryException => "MemoryError",
        _ => e.GetType().Name,
    };
}
