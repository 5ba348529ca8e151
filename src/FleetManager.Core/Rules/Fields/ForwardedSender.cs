using System.Text.RegularExpressions;
using FleetManager.Core.Model;
using FleetManager.Core.Rules.Stops;

namespace FleetManager.Core.Rules.Fields;

/// <summary>
/// Who wrote the order a colleague forwarded: the sender line of the forwarded header block ("Von: Anna Schulte
/// &lt;a.schulte@…&gt;", "From: …", "Od: …", in any language: a short label, a colon and a mail address). It stands for the
/// message's own sender only when that sender is internal (the same domain as every recipient): a colleague passing an
/// order on is neither its customer nor its contact.
/// </summary>
public static partial class ForwardedSender
{
    /// <summary>How many lines after the forward marker the sender line may come (Gmail puts it right after, Outlook on the marker's next line).</summary>
    private const int LinesAfterMarker = 3;

    /// <summary>The forwarded order's sender when <paramref name="email"/> is an internal forward; else its own sender.</summary>
    public static EmailAddress? Of(Email email, string body)
    {
        if (!IsInternal(email))
        {
            return email.From;
        }

        var lines = body.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!SignatureMarkers.IsForwardStart(lines[i]))
            {
                continue;
            }

            for (var k = i; k < lines.Length && k <= i + LinesAfterMarker; k++)
            {
                var m = SenderLine().Match(lines[k].TrimEnd('\r'));
                if (m.Success && Domain(m.Groups["addr"].Value) != Domain(email.From!.Address))
                {
                    var name = m.Groups["name"].Value.Trim().Trim('"', '\'');
                    return new EmailAddress(name.Length == 0 ? null : name, m.Groups["addr"].Value);
                }
            }

            break;
        }

        return email.From;
    }

    /// <summary>True when the sender's domain is every recipient's: mail between colleagues.</summary>
    internal static bool IsInternal(Email email)
    {
        var fromDomain = Domain(email.From?.Address);
        return fromDomain is not null && email.To.Count > 0 && email.To.All(t => Domain(t.Address) == fromDomain);
    }

    private static string? Domain(string? address)
    {
        var at = address?.LastIndexOf('@') ?? -1;
        return at < 0 ? null : address![(at + 1)..].ToLowerInvariant();
    }

    /// <summary>A header line of the forwarded block: a label of one or two words, a colon, a name and the address in angle brackets, or the address alone.</summary>
    [GeneratedRegex(@"^\s*\*?[\p{L}\-]{1,20}(?: [\p{L}\-]{1,20})?\*?:\s*(?:(?<name>[^<>@\n]{0,80}?)\s*<(?<addr>[^<>\s@]+@[^<>\s]+)>|\[?(?<addr>[^<>\s@\[\]]+@[^<>\s\[\]]+?)\]?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex SenderLine();
}
