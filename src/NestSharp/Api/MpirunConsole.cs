using System.Text;
using Microsoft.Win32.SafeHandles;
using NestSharp.Kernel.Communication;

namespace NestSharp;

/// <summary>
/// Standard output and error of a process started by mpirun, written as plain bytes.
/// <para>OpenMPI gives each process a pseudo-terminal as standard output, even when mpirun's own output goes to a file.
/// .NET's console on Unix initialises the terminal on its first write to standard output or error when standard output
/// is a terminal: it writes the terminfo entry of TERM that puts the keypad into application mode (keypad_xmit,
/// <c>ESC[?1h ESC=</c> for xterm), and mpirun forwards those bytes into the redirected output. Writers over the raw file
/// descriptors 1 and 2 bypass that initialisation, so only what the program writes arrives.</para>
/// </summary>
public static class MpirunConsole
{
    private static int _installed;

    /// <summary>
    /// In a process started by mpirun, replaces <see cref="Console.Out"/> and <see cref="Console.Error"/> with writers
    /// over the raw standard output and error (UTF-8, flushed at every write); does nothing in other processes or when
    /// done before. Call it before the first console write; the <see cref="Simulator"/> calls it when it joins MPI.
    /// </summary>
    public static void UsePlainStreams()
    {
        if (!MpiCommunicator.LaunchedByMpirun || Interlocked.Exchange(ref _installed, 1) == 1) return;
        Console.SetOut(PlainWriter(1));
        Console.SetError(PlainWriter(2));
    }

    private static StreamWriter PlainWriter(int descriptor)
    {
        var stream = new FileStream(new SafeFileHandle(descriptor, ownsHandle: false), FileAccess.Write, bufferSize: 0);
        return new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { AutoFlush = true };
    }
}
