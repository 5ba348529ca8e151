namespace FleetManager.Commands;

/// <summary>
/// Where an export writes while it runs: a private temporary file (mode 0600) beside the target, moved
/// over the target only when the export completed, so an error half-way (a damaged page, a full disk)
/// leaves the previous file as it was and never a truncated CSV or an unclosed JSON array. For standard
/// output (the verb's: <see cref="VerbEnvironment.CopyToOutput"/>) the export is buffered the same way in a temporary file and copied out only when complete:
/// a failed export prints nothing (and exits non-zero) instead of half a document.
/// </summary>
internal sealed class AtomicExportTarget : IDisposable
{
    private readonly string? _target;
    private readonly VerbEnvironment _environment;
    private readonly string _temporaryPath;
    private bool _completed;

    private AtomicExportTarget(string? target, VerbEnvironment environment, string temporaryPath, FileStream stream)
    {
        _target = target;
        _environment = environment;
        _temporaryPath = temporaryPath;
        Stream = stream;
    }

    /// <summary>The stream the exporter writes to.</summary>
    public FileStream Stream { get; }

    /// <summary>A target for <paramref name="path"/>, or for <paramref name="environment"/>'s standard output when it is null.</summary>
    public static AtomicExportTarget Create(string? path, VerbEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var folder = path is null ? Path.GetTempPath() : Path.GetDirectoryName(Path.GetFullPath(path))!;
        var name = path is null ? "fleetmanager-export" : Path.GetFileName(path);
        var temporary = Path.Combine(folder, $".{name}.{Guid.NewGuid():N}.partial");
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
        };
        if (!OperatingSystem.IsWindows())
        {
            // Orders carry names, phone numbers and prices: nobody else reads the file while it is written.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new AtomicExportTarget(path, environment, temporary, Open(temporary, options, path ?? "the export", folder));
    }

    // The partial file's name is ours, not the user's: a failure names the file they asked for and its folder.
    private static FileStream Open(string temporary, FileStreamOptions options, string target, string folder)
    {
        try
        {
            return new FileStream(temporary, options);
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or FileNotFoundException)
        {
            throw new IOException($"Cannot write {target}: its folder {folder} does not exist or takes no new files.", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new UnauthorizedAccessException($"Cannot write {target}: this user may not create files in {folder}.", ex);
        }
    }

    /// <summary>The export is complete: flush it to disk, then move it over the target (or copy it to the verb's standard output).</summary>
    public void Complete()
    {
        Stream.Flush(flushToDisk: true);
        if (_target is null)
        {
            Stream.Position = 0;
            _environment.CopyToOutput(Stream);
            Stream.Dispose();
        }
        else
        {
            Stream.Dispose();
            if (!OperatingSystem.IsWindows() && File.Exists(_target))
            {
                // Replacing a file keeps the mode its owner gave it (0600 is only for the partial one).
                File.SetUnixFileMode(_temporaryPath, File.GetUnixFileMode(_target));
            }
            else if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(_temporaryPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            }

            File.Move(_temporaryPath, _target, overwrite: true);
        }

        _completed = true;
    }

    /// <summary>Deletes the partial file when <see cref="Complete"/> was not reached.</summary>
    public void Dispose()
    {
        try
        {
            Stream.Dispose();
        }
        catch (IOException)
        {
            // Flushing the rest failed (typically the disk is full); the handle is closed all the same and
            // the partial file goes below. The error that stopped the export is already on its way up.
        }

        if (!_completed || _target is null)
        {
            try
            {
                File.Delete(_temporaryPath);
            }
            catch (IOException)
            {
                // Already moved or removed: nothing left behind.
            }
        }
    }
}
