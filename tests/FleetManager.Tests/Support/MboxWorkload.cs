using System.Text;

namespace FleetManager.Tests.Support;

/// <summary>
/// Builds an mbox of many messages from the project's own samples (each copy with its own
/// Message-ID) plus a share of malformed entries, so imports have real work and real bad input.
/// </summary>
internal static class MboxWorkload
{
    public static int Write(string path, int count)
    {
        var templates = Directory.GetFiles(RepoPaths.Samples, "*.eml").Order(StringComparer.Ordinal)
            .Select(File.ReadAllText).ToArray();
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" };
        for (var i = 0; i < count; i++)
        {
            writer.WriteLine("From workload@example Thu Nov 26 10:00:00 2026");
            string message;
            if (i % 50 == 49)
            {
                // Malformed: no header block at all, just binary-looking noise.
                message = "\u0001\u0002\u0003 this is not a message " + i + "\n\u0000\u0000\n";
            }
            else
            {
                var template = templates[i % templates.Length].Replace("\r\n", "\n", StringComparison.Ordinal);
                message = SetMessageId(template, $"<workload-{i:D6}@fleetmanager.test>");
            }

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
