using System.Text;

namespace FleetManager.Tests.Support;

/// <summary>
/// Builds an mbox of many messages from the project's own samples (each copy with its own
/// Message-ID) plus a share of malformed entries, so imports have real work and real bad input.
/// </summary>
internal static class MboxWorkload
{
    private static readonly Lazy<string[]> s_templates = new(() => Directory.GetFiles(RepoPaths.Samples, "*.eml")
        .Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray());

    /// <summary>True for the workload's malformed entries (every 50th).</summary>
    public static bool IsMalformed(int i) => i % 50 == 49;

    /// <summary>The Message-ID of workload message <paramref name="i"/> (not of a malformed entry).</summary>
    public static string MessageId(int i) => $"<workload-{i:D6}@fleetmanager.test>";

    /// <summary>
    /// Workload message <paramref name="i"/> with LF line ends: a sample with its own Message-ID, or
    /// (every 50th, when <paramref name="allowMalformed"/>) noise without any header block.
    /// </summary>
    public static string Message(int i, bool allowMalformed = true)
    {
        if (allowMalformed && IsMalformed(i))
        {
            return "\u0001\u0002\u0003 this is not a message " + i + "\n\u0000\u0000\n";
        }

        var templates = s_templates.Value;
        var template = templates[i % templates.Length].Replace("\r\n", "\n", StringComparison.Ordinal);
        return SetMessageId(template, MessageId(i));
    }

    public static int Write(string path, int count)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" };
        for (var i = 0; i < count; i++)
        {
            writer.WriteLine("From workload@example Thu Nov 26 10:00:00 2026");
            var message = Message(i);
            foreach (var line in message.Split('\n'))
            {
                writer.WriteLine(line.StartsWith("From ", StringComparison.Ordinal) ? ">" + line : line);
            }

            writer.WriteLine();
        }

        return count;
    }

    private static string SetMessageId(string message, string id)
    {
        var lines = message.Split('\n').ToList();
        var headerEnd = lines.IndexOf("");
        var index = lines.FindIndex(0, headerEnd < 0 ? lines.Count : headerEnd, l => l.StartsWith("Message-ID:", StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            lines[index] = "Message-ID: " + id;
        }
        else
        {
            lines.Insert(0, "Message-ID: " + id);
        }

        return string.Join('\n', lines);
    }
}
