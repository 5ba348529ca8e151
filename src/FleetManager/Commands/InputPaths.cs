namespace FleetManager.Commands;

/// <summary>The paths <c>import</c> and <c>extract</c> read: what they say when one is missing or none holds a message.</summary>
internal static class InputPaths
{
    private const string Readable = ".eml files, folders, Maildirs or mbox files";

    /// <summary>Exit 3 with one line naming the first path that does not exist (exit 2 for a mistyped option); null when all do.</summary>
    public static int? RefuseMissing(IReadOnlyList<string> paths, TextWriter error)
    {
        var missing = paths.FirstOrDefault(p => !File.Exists(p) && !Directory.Exists(p));
        if (missing is null)
        {
            return null;
        }

        if (missing.StartsWith("--", StringComparison.Ordinal))
        {
            // The verbs take any number of paths, so the parser hands a mistyped option ("--dbb") over as one.
            error.WriteLine($"error: '{missing}' is not an option of this verb, nor a file. Run 'fleetmanager VERB --help' for its options.");
            return ExitCodes.Usage;
        }

        error.WriteLine($"error: '{missing}' does not exist (give {Readable})");
        return ExitCodes.InputMissing;
    }

    /// <summary>
    /// A folder that gave no message is most often the wrong folder or one of Outlook's <c>.msg</c> files or PDFs: say
    /// which files a folder contributes, since they were skipped without a word. An explicit file is always read.
    /// </summary>
    public static void NoteIfNothingRead(IReadOnlyList<string> paths, long messagesRead, TextWriter error)
    {
        var folders = paths.Where(Directory.Exists).ToList();
        if (messagesRead == 0 && folders.Count > 0)
        {
            error.WriteLine($"note: no message found in {string.Join(", ", folders.Select(f => $"'{f}'"))}: a folder contributes its .eml files, "
                + "Maildirs (cur/ and new/) and mbox files (a file named *.mbox or mbox, or starting with \"From \"); other files are skipped. "
                + "Save Outlook messages as .eml, or name a file to read it as one message.");
        }
    }
}
