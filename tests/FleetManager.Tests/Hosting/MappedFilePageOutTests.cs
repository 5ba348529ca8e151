using FleetManager.Hosting;
using Xunit;

namespace FleetManager.Tests.Hosting;

public sealed class MappedFilePageOutTests
{
    [Theory]
    [InlineData("7f0c1a000000-7f0c1a400000 r-xp 00000000 08:01 1234 /app/fleetmanager", 0x7f0c1a000000L, 0x7f0c1a400000L)]
    [InlineData("55d0c0000000-55d0c0001000 r--p 00001000 08:01 99 /usr/lib/x86_64-linux-gnu/libc.so.6", 0x55d0c0000000L, 0x55d0c0001000L)]
    [InlineData("7f0c1a000000-7f0c1a400000 r--p 00000000 08:01 1234                       /app/fleetmanager", 0x7f0c1a000000L, 0x7f0c1a400000L)]
    [InlineData("7f00-8f00 r--s 00000000 00:05 7 /dev/shm/a file with spaces", 0x7f00L, 0x8f00L)]
    // The executable's own data (its type data, linked in place): private, so its unwritten pages are clean file pages.
    [InlineData("03127000-04346000 rw-p 02d26000 08:01 1234 /app/fleetmanager", 0x03127000L, 0x04346000L)]
    public void PageableFileMapping_PrivateOrReadOnlyMappingOfAFile_ReturnsItsRange(string line, long start, long end)
    {
        Assert.Equal((start, end), MappedFilePageOut.PageableFileMapping(line));
    }

    [Theory]
    [InlineData("7f0c1a000000-7f0c1a008000 rw-s 00000000 08:01 77 /data/fleetmanager.db-shm")] // written back if paged out
    [InlineData("7f0c1a000000-7f0c1a400000 r--p 00000000 00:00 0 ")] // anonymous
    [InlineData("7ffc1a000000-7ffc1a021000 r-xp 00000000 00:00 0 [vdso]")]
    [InlineData("7ffc1a000000-7ffc1a021000 rw-p 00000000 00:00 0 [heap]")]
    [InlineData("not a maps line")]
    public void PageableFileMapping_SharedWritableAnonymousOrMalformed_ReturnsNull(string line)
    {
        Assert.Null(MappedFilePageOut.PageableFileMapping(line));
    }

    [Fact]
    public void Apply_OnLinux_PagesOutTheProcessesFileMappings()
    {
        Assert.True(OperatingSystem.IsLinux(), "the service's idle release is measured on Linux");
        var before = ResidentFileKiB();

        var advised = MappedFilePageOut.Apply();

        // The test host maps the runtime and every test assembly read-only; the kernel drops most of those pages
        // (the threads running meanwhile fault a few back in).
        Assert.True(advised > 0, "nothing was advised");
        var after = ResidentFileKiB();
        Assert.True(after < before, $"resident file pages {before} KiB before, {after} KiB after");
    }

    private static long ResidentFileKiB()
    {
        var line = File.ReadLines("/proc/self/status").Single(l => l.StartsWith("RssFile:", StringComparison.Ordinal));
        return long.Parse(line["RssFile:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
