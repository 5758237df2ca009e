namespace NestSharp.Kernel;

/// <summary>Kernel settings that are plain values (read and written through the kernel status).</summary>
internal sealed class KernelSettings
{
    public bool PrintTime;
    public string DataPath = "";
    public string DataPrefix = "";
    public bool OverwriteFiles;
    public bool DictMissIsError = true;
}
