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
}
