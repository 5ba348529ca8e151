using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace FleetManager.Mail.Imap;

/// <summary>
/// Where an IMAP folder was read up to: <c>UIDVALIDITY:LASTUID</c>. UIDs only grow within one
/// UIDVALIDITY, so every message with a greater UID is new; a different UIDVALIDITY means the server
/// renumbered the folder and the old UID says nothing any more.
/// </summary>
public readonly record struct ImapCursor(uint UidValidity, uint LastUid)
{
    public override string ToString() =>
        UidValidity.ToString(CultureInfo.InvariantCulture) + ":" + LastUid.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse([NotNullWhen(true)] string? text, out ImapCursor cursor)
    {
        cursor = default;
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon <= 0
            || !uint.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var validity)
            || !uint.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var uid)
            || validity == 0)
        {
            return false;
        }

        cursor = new ImapCursor(validity, uid);
        return true;
    }
}
