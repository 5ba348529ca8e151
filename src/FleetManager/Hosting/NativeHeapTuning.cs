using System.Runtime.InteropServices;

namespace FleetManager.Hosting;

/// <summary>
/// Keeps the C library's allocator from handing freed native memory back to the kernel a few pages at a time.
/// </summary>
/// <remarks>
/// Why: SQLite frees its in-memory statement journal after every statement, and glibc then trims the
/// thread's arena with <c>madvise(MADV_DONTNEED)</c> — about 9,000 calls of 20–40 KB in an import of
/// 10,000 messages, each one a TLB shoot-down across the cores: half of the import's system time
/// (docs/benchmarks.md, "Import throughput"). A trim threshold of 4 MiB keeps at most that much free memory
/// at the top of an arena instead. On a C library without <c>mallopt</c> (musl ignores it) nothing changes.
/// </remarks>
internal static partial class NativeHeapTuning
{
    /// <summary><c>M_TRIM_THRESHOLD</c> of glibc's malloc.h.</summary>
    private const int TrimThresholdOption = -1;

    private const int TrimThresholdBytes = 4 * 1024 * 1024;

    /// <summary>Sets the trim threshold; true when the C library took it.</summary>
    public static bool Apply()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return SetMallocOption(TrimThresholdOption, TrimThresholdBytes) == 1;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (a musl-based image names its C library differently): its allocator keeps its defaults.
            return false;
        }
    }

    [LibraryImport("libc.so.6", EntryPoint = "mallopt")]
    private static partial int SetMallocOption(int option, int value);
}
