namespace NestSharp.Recording;

/// <summary>The checks and errors of the file-writing backends when they open a recorder's file, as NEST's ascii backend words them.</summary>
internal static class RecordingFiles
{
    /// <summary>Refuses to start a new file at <paramref name="path"/> over an existing one unless overwrite_files is set.</summary>
    public static void RefuseToOverwrite(string path, bool overwrite)
    {
        if (!overwrite && File.Exists(path))
        {
            throw new IOErrorException(
                $"The file '{path}' already exists and overwriting files is disabled. To overwrite files, set the kernel property " +
                "overwrite_files to true. To change the name or location of the file, change the kernel properties data_path or " +
                "data_prefix, or the device property label.");
        }
    }

    /// <summary>Whether <paramref name="e"/> is a failure of the file system that <see cref="OpenError"/> reports.</summary>
    public static bool IsFileError(Exception e) => e is IOException or UnauthorizedAccessException;

    /// <summary>The error for a file that could not be opened.</summary>
    public static IOErrorException OpenError(string path, Exception e) => new($"I/O error while opening file '{path}': {e.Message}");

    /// <summary>
    /// Gives a file of a checkpointed run back the <paramref name="length"/> bytes it held at the checkpoint: cut back
    /// to its first length - |<paramref name="tail"/>| bytes (the stopped run may have written on), then
    /// <paramref name="tail"/> (a format's footer, which a later run overwrote) appended. Refuses a file that is
    /// missing or shorter than what it keeps.
    /// </summary>
    public static void CutBack(string path, long length, ReadOnlySpan<byte> tail)
    {
        long kept = length - tail.Length;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
            if (file.Length < kept)
                throw new IOException($"it holds {file.Length} bytes, fewer than the {kept} it held at the checkpoint");
            file.SetLength(kept);
            file.Seek(0, SeekOrigin.End);
            file.Write(tail);
        }
        catch (Exception e) when (IsFileError(e))
        {
            throw ContinueError(path, e);
        }
    }

    /// <summary>Starts <paramref name="to"/> with the first <paramref name="length"/> bytes of the checkpointed run's file <paramref name="from"/>.</summary>
    public static void CopyStart(string from, string to, long length)
    {
        try
        {
            using var source = new FileStream(from, FileMode.Open, FileAccess.Read);
            if (source.Length < length)
                throw new IOException($"it holds {source.Length} bytes, fewer than the {length} it held at the checkpoint");
            using var target = new FileStream(to, FileMode.Create, FileAccess.Write);
            var buffer = new byte[1 << 16];
            for (long left = length; left > 0;)
            {
                int n = source.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
                if (n == 0) throw new EndOfStreamException($"it ended before byte {length}");
                target.Write(buffer, 0, n);
                left -= n;
            }
        }
        catch (Exception e) when (IsFileError(e))
        {
            throw ContinueError(from, e);
        }
    }

    /// <summary>
    /// Opens, for reading, a file a run of this recorder wrote, to keep its length (and footer) in a checkpoint. A
    /// missing or unreadable file fails the save with a KernelException: a checkpoint without it would start the file
    /// again after a restore, losing the events it holds. With several MPI processes rank 0 keeps every process's
    /// files, so it must see them (a file system all processes share).
    /// </summary>
    public static FileStream OpenToKeep(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        }
        catch (Exception e) when (IsFileError(e))
        {
            throw KeepError(path, e);
        }
    }

    /// <summary>The error for a file a run wrote that a checkpoint cannot keep (missing, or unreadable).</summary>
    public static KernelException KeepError(string path, Exception e)
    {
        string reason = e is FileNotFoundException or DirectoryNotFoundException
            ? "a run wrote it, but it is not there (deleted, or written by another MPI process on a file system this one does not see)"
            : e.Message.TrimEnd('.');
        return new($"The recording file '{path}' cannot be kept in the checkpoint: {reason}; the checkpoint was not written.");
    }

    private static KernelException ContinueError(string path, Exception e) =>
        new($"The recording file '{path}' of the restored checkpoint cannot be continued: {e.Message.TrimEnd('.')}.");
}
