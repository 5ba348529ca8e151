namespace FleetManager.Commands;

/// <summary>
/// Where a folder export (<c>corrections export DIR</c>) writes while it runs: a private temporary folder
/// (mode 0700) beside DIR, renamed to DIR only when the export completed. An error half-way (a damaged page, a
/// full disk, Ctrl+C) therefore leaves DIR as it was, never a corpus with half its messages, which
/// <c>eval</c> would score without saying anything is missing.
/// </summary>
internal sealed class AtomicExportDirectory : IDisposable
{
    private readonly string _target;
    private bool _completed;

    private AtomicExportDirectory(string target, string temporaryPath)
    {
        _target = target;
        Path = temporaryPath;
    }

    /// <summary>The temporary folder the exporter writes its files into.</summary>
    public string Path { get; }

    /// <summary>
    /// A temporary folder for <paramref name="target"/>. The caller has checked that the target is absent, empty,
    /// or may be replaced (<c>--force</c>); its parent folder is created when missing.
    /// </summary>
    public static AtomicExportDirectory Create(string target)
    {
        var full = System.IO.Path.GetFullPath(target.TrimEnd(System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar));
        var parent = System.IO.Path.GetDirectoryName(full) ?? full;
        Directory.CreateDirectory(parent);
        var temporary = System.IO.Path.Combine(parent, $".{System.IO.Path.GetFileName(full)}.{Guid.NewGuid():N}.partial");
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(temporary);
        }
        else
        {
            // The messages carry names, addresses and prices: nobody else reads them while the export runs.
            Directory.CreateDirectory(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return new AtomicExportDirectory(full, temporary);
    }

    /// <summary>
    /// The export is complete: the temporary folder becomes the target. A target already there (empty, or replaced
    /// with --force) is first moved aside and deleted only after the new folder is in place.
    /// </summary>
    public void Complete()
    {
        if (!OperatingSystem.IsWindows())
        {
            // The finished corpus gets an ordinary folder's mode (the umask still applies to who may read it).
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        string? previous = null;
        if (Directory.Exists(_target))
        {
            previous = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(_target)!, $".{System.IO.Path.GetFileName(_target)}.{Guid.NewGuid():N}.previous");
            Directory.Move(_target, previous);
        }

        Directory.Move(Path, _target);
        _completed = true;
        if (previous is not null)
        {
            Directory.Delete(previous, recursive: true);
        }
    }

    /// <summary>Deletes the temporary folder when <see cref="Complete"/> was not reached.</summary>
    public void Dispose()
    {
        if (_completed)
        {
            return;
        }

        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Already gone, or the disk refuses even this: the error that stopped the export is on its way up.
        }
        catch (UnauthorizedAccessException)
        {
            // As above: never hide the export's own failure behind the clean-up's.
        }
    }
}
