namespace FleetManager.Mail.Sources;

/// <summary>
/// Finds the mail files under a folder: <c>.eml</c> files, the files of Maildir cur/ and new/
/// folders, and mbox files. Everything else (expected-result JSON, notes, indexes) is skipped.
/// The result is sorted ordinally by path so that every run sees the same order.
/// </summary>
internal static class MailFolderScanner
{
    public static List<MailFile> Scan(string root)
    {
        var found = new List<MailFile>();
        Visit(Path.GetFullPath(root), found);
        found.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return found;
    }

    private static void Visit(string directory, List<MailFile> found)
    {
        string[] files;
        string[] directories;
        try
        {
            files = Directory.GetFiles(directory);
            directories = Directory.GetDirectories(directory);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // An unreadable subfolder holds no messages we could deliver; the rest still counts.
            return;
        }

        var isMaildir = directories.Any(d => IsNamed(d, "cur")) && directories.Any(d => IsNamed(d, "new"));
        foreach (var file in files)
        {
            var kind = Classify(file);
            if (kind is not null)
            {
                found.Add(new MailFile(file, kind.Value));
            }
        }

        foreach (var subdirectory in directories)
        {
            if (isMaildir && (IsNamed(subdirectory, "cur") || IsNamed(subdirectory, "new")))
            {
                AddMaildirFiles(subdirectory, found);
            }
            else if (isMaildir && IsNamed(subdirectory, "tmp"))
            {
                // Messages still being delivered: not complete yet.
                continue;
            }
            else
            {
                Visit(subdirectory, found);
            }
        }
    }

    private static void AddMaildirFiles(string directory, List<MailFile> found)
    {
        try
        {
            foreach (var file in Directory.GetFiles(directory))
            {
                if (!Path.GetFileName(file).StartsWith('.'))
                {
                    found.Add(new MailFile(file, MailFileKind.Message));
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return;
        }
    }

    private static MailFileKind? Classify(string file)
    {
        var name = Path.GetFileName(file);
        if (name.StartsWith('.') || name.EndsWith(".expected.json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (name.EndsWith(".eml", StringComparison.OrdinalIgnoreCase))
        {
            return MailFileKind.Message;
        }

        if (name.EndsWith(".mbox", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "mbox", StringComparison.OrdinalIgnoreCase))
        {
            return MailFileKind.Mbox;
        }

        return StartsWithFromLine(file) ? MailFileKind.Mbox : null;
    }

    private static bool StartsWithFromLine(string file)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            Span<byte> head = stackalloc byte[5];
            return stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length && head.SequenceEqual("From "u8);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool IsNamed(string directory, string name) =>
        string.Equals(Path.GetFileName(directory), name, StringComparison.Ordinal);
}
