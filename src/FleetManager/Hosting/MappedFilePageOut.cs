using System.Globalization;
using System.Runtime.InteropServices;

namespace FleetManager.Hosting;

/// <summary>
/// Asks the kernel to reclaim the process's pages of file mappings (its own executable first of all) with
/// <c>madvise(MADV_PAGEOUT)</c>: the Windows "empty working set" for an idle Linux service.
/// </summary>
/// <remarks>
/// Why: the Native AOT executable is one ~55 MB file, and start-up touches most of its code and read-only data once
/// (type data, the dashboard, every verb's registration). Those clean pages then stay in the process's resident set
/// although an idle service polling an empty source uses a small part of them: about 28 MiB of a 68 MiB RSS
/// (docs/benchmarks.md, "Idle memory: the executable's pages given back"). Paging them out costs nothing to keep:
/// clean file pages are dropped, not written anywhere, and what the next poll touches is faulted back in from the
/// page cache (or the file). Private writable mappings of a file (the data sections of the executable and the shared
/// libraries) are advised too: their unwritten pages are clean file pages like the rest. The few pages the process wrote
/// there are anonymous copies, which the kernel keeps (no swap) or swaps like any idle anonymous page. Shared writable
/// mappings (SQLite's <c>-shm</c> file) and anonymous memory are never advised.
/// On a kernel before 5.4 (no MADV_PAGEOUT) or another OS nothing happens.
/// </remarks>
internal static partial class MappedFilePageOut
{
    /// <summary><c>MADV_PAGEOUT</c> of Linux's mman-common.h (5.4+).</summary>
    private const int PageOutAdvice = 21;

    /// <summary>Pages out every file mapping listed in <c>/proc/self/maps</c> that may be paged out; returns the bytes advised (0: not supported).</summary>
    public static long Apply()
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines("/proc/self/maps");
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }

        long advised = 0;
        foreach (var line in lines)
        {
            if (PageableFileMapping(line) is not { } mapping)
            {
                continue;
            }

            try
            {
                if (Advise((nint)mapping.Start, (nuint)(mapping.End - mapping.Start), PageOutAdvice) != 0)
                {
                    // EINVAL: a kernel without MADV_PAGEOUT; nothing else will work either.
                    return advised;
                }
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                // Not glibc (a musl-based image names its C library differently): nothing is paged out.
                return advised;
            }

            advised += mapping.End - mapping.Start;
        }

        return advised;
    }

    /// <summary>
    /// The address range of a maps line that maps a file privately ('p', read-only or writable) or shared read-only, or
    /// null (anonymous memory, a shared writable mapping, not a maps line).
    /// </summary>
    /// <example><c>7f0c1a000000-7f0c1a400000 r-xp 00000000 08:01 1234 /app/fleetmanager</c></example>
    internal static (long Start, long End)? PageableFileMapping(string line)
    {
        var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 6 || fields[1].Length != 4 || fields[4] == "0" || !fields[5].TrimStart().StartsWith('/'))
        {
            return null;
        }

        // Paging out a shared page the process wrote would write it back to its file: those mappings stay.
        if (fields[1][1] == 'w' && fields[1][3] == 's')
        {
            return null;
        }

        var range = fields[0].Split('-');
        return range.Length == 2
            && long.TryParse(range[0], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var start)
            && long.TryParse(range[1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var end)
            && end > start
                ? (start, end)
                : null;
    }

    [LibraryImport("libc.so.6", EntryPoint = "madvise", SetLastError = true)]
    private static partial int Advise(nint address, nuint length, int advice);
}
