using System.Globalization;

namespace FleetManager.Google.Auth;

/// <summary>
/// Keeps credential and token files private: reading one that group or others may read is refused with
/// the <c>chmod</c> that fixes it, and tokens are written with mode 0600 from their first byte. Also used
/// by <c>fleetmanager doctor</c> (<see cref="FindProblem"/>).
/// </summary>
public static class SecretFilePermissions
{
    /// <summary>The bits that must be clear on a secret file: any group or other permission.</summary>
    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>
    /// What is wrong with <paramref name="path"/> as a secret file (missing, or group/other may access it),
    /// or null when it is fine. On Windows only existence is checked (ACLs are not modes).
    /// </summary>
    public static string? FindProblem(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            return $"'{path}' does not exist";
        }

        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        var mode = File.GetUnixFileMode(path);
        return (mode & GroupOrOther) == 0
            ? null
            : $"'{path}' is readable by other users (mode {FormatMode(mode)}); run: chmod 600 '{path}'";
    }

    /// <summary>Throws when <paramref name="path"/> is missing or not private to its owner.</summary>
    /// <param name="path">The file.</param>
    /// <param name="what">What the file is, for the message ("the Gmail credentials file").</param>
    /// <param name="missingFix">What to do when the file does not exist.</param>
    /// <exception cref="GoogleAuthorizationException">The file is missing or group/other may read it.</exception>
    public static void EnsurePrivate(string path, string what, string missingFix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new GoogleAuthorizationException($"{what} '{path}' does not exist.", missingFix);
        }

        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & GroupOrOther) != 0)
            {
                throw new GoogleAuthorizationException(
                    $"{what} '{path}' is readable by other users (mode {FormatMode(mode)}), so it is refused.",
                    $"Run: chmod 600 '{path}'");
            }
        }
    }

    /// <summary>
    /// Writes <paramref name="contents"/> to <paramref name="path"/> with mode 0600: into a new temporary file
    /// created with that mode, then moved over the target, so no reader ever sees a wider mode or half a file.
    /// </summary>
    public static void WriteAllTextPrivate(string path, string contents)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, "." + Path.GetFileName(fullPath) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(contents);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static string FormatMode(UnixFileMode mode) =>
        Convert.ToString((int)mode & 0x1FF, 8).PadLeft(4, '0').ToString(CultureInfo.InvariantCulture);
}
