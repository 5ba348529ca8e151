using System.Diagnostics;
using System.Globalization;
using FleetManager.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace FleetManager.Tests.Import;

/// <summary>
/// Issue 12 §3, measured where it matters: a real <c>fleetmanager import</c> child process reads the
/// hostile messages (zip-bomb XLSX with a 100 MB cell, 4 million shared strings, a PDF stream inflating to
/// 1 GB, 200 nested multiparts, a 5 MB subject); its peak resident memory (VmHWM, polled from /proc) stays
/// under 400 MB, each hostile message is quarantined with a reason naming its limit, and nothing is left
/// in its temporary folder.
/// </summary>
public sealed class HostileAttachmentImportTests(ITestOutputHelper output) : IDisposable
{
    private const long PeakLimitBytes = 400L * 1024 * 1024;
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Import_HostileAttachments_PeakMemoryUnder400MbAndEachQuarantinedNamingItsLimit()
    {
        var mail = _temp.File("mail");
        HostileMail.WriteAll(mail);
        var scratch = Directory.CreateDirectory(_temp.File("tmp")).FullName;
        var info = CliProcess.StartInfo("import", mail, "--db", _temp.File("book.db"), "--quiet");
        info.Environment["TMPDIR"] = scratch;

        var (exitCode, stdout, stderr, peak) = await RunMeasuredAsync(info);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak RSS (VmHWM) {peak / (1024.0 * 1024):0} MiB"));
        output.WriteLine(stderr);

        Assert.True(exitCode == 0, $"exit {exitCode}: {stderr}");
        Assert.True(peak > 0, "VmHWM was never read");
        Assert.True(peak < PeakLimitBytes, string.Create(CultureInfo.InvariantCulture, $"peak RSS {peak / (1024 * 1024)} MiB is over 400 MiB"));
        Assert.Matches(@"messages read\s+5\b", stdout);
        foreach (var (file, word) in HostileMail.ExpectedReasons)
        {
            var line = stderr.Split('\n').SingleOrDefault(l => l.StartsWith("quarantined:", StringComparison.Ordinal) && l.Contains(file, StringComparison.Ordinal));
            Assert.True(line is not null, $"{file} was not quarantined: {stderr}");
            Assert.Contains(word, line, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Empty(Directory.GetFileSystemEntries(scratch));
    }

    // The 5 MB subject is either read (its subject cut to 2,000 characters) or, on a loaded machine, stopped
    // by the per-message time limit (MimeKit takes minutes over such a header there): both are bounded, so
    // only the four attachment and nesting messages have a fixed outcome.

    /// <summary>Runs the child and polls its high-water mark of resident memory until it exits.</summary>
    private static async Task<(int ExitCode, string StdOut, string StdErr, long PeakBytes)> RunMeasuredAsync(ProcessStartInfo info)
    {
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        var status = $"/proc/{process.Id}/status";
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        while (!process.HasExited)
        {
            peak = Math.Max(peak, ReadHighWaterMark(status));
            await Task.Delay(20, timeout.Token);
        }

        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr, peak);
    }

    private static long ReadHighWaterMark(string statusPath)
    {
        try
        {
            foreach (var line in File.ReadLines(statusPath))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process ended between the check and the read.
        }

        return 0;
    }

    public void Dispose() => _temp.Dispose();
}
