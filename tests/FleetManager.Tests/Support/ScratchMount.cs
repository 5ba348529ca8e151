using System.Diagnostics;

namespace FleetManager.Tests.Support;

/// <summary>
/// A small tmpfs of its own for one test (a full disk, a read-only mount), unmounted afterwards. Needs
/// root (CI runs the tests as root): root ignores file modes, so only a read-only or full mount makes
/// such a test meaningful. Not root: the constructor fails with a message saying so (never a skip).
/// </summary>
internal sealed class ScratchMount : IDisposable
{
    private readonly List<string> _mountPoints = [];

    /// <summary>Mounts a tmpfs of <paramref name="size"/> (a mount option value such as <c>2m</c>) on a fresh folder.</summary>
    public ScratchMount(string size)
    {
        RequireRoot();
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "fm-mount-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
        Run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0777", "tmpfs", Path);
        _mountPoints.Add(Path);
    }

    /// <summary>The mounted folder.</summary>
    public string Path { get; }

    /// <summary>True when this process may mount (runs as root).</summary>
    public static bool IsRoot => GetEuid() == 0;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Makes the whole mount read-only: nothing in it, not even a new file, can be written.</summary>
    public void RemountReadOnly() => Run("mount", "-o", "remount,ro", Path);

    /// <summary>Makes the mount writable again.</summary>
    public void RemountWritable() => Run("mount", "-o", "remount,rw", Path);

    /// <summary>Makes one file read-only (a read-only bind mount over it) while its folder stays writable.</summary>
    public void BindReadOnly(string file)
    {
        Run("mount", "--bind", file, file);
        _mountPoints.Add(file);
        Run("mount", "-o", "remount,ro,bind", file);
    }

    public void Dispose()
    {
        for (var i = _mountPoints.Count - 1; i >= 0; i--)
        {
            TryRun("umount", "-l", _mountPoints[i]);
        }

        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Still busy for a moment after a lazy unmount; the OS cleans /tmp.
        }
    }

    private static void RequireRoot()
    {
        if (!IsRoot)
        {
            throw new InvalidOperationException(
                "This test mounts a small tmpfs (a full or read-only disk) and must run as root, as CI does; root ignores file modes, so there is no meaningful unprivileged variant. Run the tests as root (sudo dotnet test ...).");
        }
    }

    private static int GetEuid()
    {
        // /proc/self/status "Uid: real effective saved fs".
        foreach (var line in System.IO.File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("Uid:", StringComparison.Ordinal))
            {
                var parts = line.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
                return int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return -1;
    }

    private static void Run(params string[] args)
    {
        var (code, output) = TryRun(args);
        if (code != 0)
        {
            throw new InvalidOperationException($"'{string.Join(' ', args)}' failed ({code}): {output}");
        }
    }

    private static (int Code, string Output) TryRun(params string[] args)
    {
        var info = new ProcessStartInfo(args[0]) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args.Skip(1))
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Trim());
    }
}
