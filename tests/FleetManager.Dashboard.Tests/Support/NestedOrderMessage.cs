using FleetManager.Tests.Support;

namespace FleetManager.Dashboard.Tests.Support;

/// <summary>
/// The first sample order (HLF/26/4471) with its text three multiparts deep: quarantined under
/// <c>Limits:MaxMimeDepth=1</c>, read as an order under the default limit.
/// </summary>
internal static class NestedOrderMessage
{
    public const string Reference = "HLF/26/4471";

    public static void Write(string directory)
    {
        Directory.CreateDirectory(directory);
        var sample = File.ReadAllText(Path.Combine(RepoPaths.Samples, "01-en-booking-felixstowe-suchylas.eml")).ReplaceLineEndings("\n");
        var split = sample.IndexOf("\n\n", StringComparison.Ordinal);
        var headers = sample[..split].Split('\n')
            .Where(h => !h.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase) && !h.StartsWith("Content-Transfer-Encoding:", StringComparison.OrdinalIgnoreCase));
        var body = sample[(split + 2)..];
        File.WriteAllText(Path.Combine(directory, "nested-order.eml"), string.Join("\r\n", headers) + "\r\n" + $"""
            Content-Type: multipart/mixed; boundary="level1"

            --level1
            Content-Type: multipart/mixed; boundary="level2"

            --level2
            Content-Type: multipart/alternative; boundary="level3"

            --level3
            Content-Type: text/plain; charset="utf-8"
            Content-Transfer-Encoding: quoted-printable

            {body}
            --level3--
            --level2--
            --level1--

            """.ReplaceLineEndings("\r\n"));
    }
}
