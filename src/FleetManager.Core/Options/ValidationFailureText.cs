using System.Text.RegularExpressions;

namespace FleetManager.Core.Options;

/// <summary>
/// The words of an options validation failure as people read them. A generated options validator puts the member
/// before each message ("Host: …"), and a section's validator may add its own ("Imap: Host: …"); a message that names
/// its setting itself ("Imap:Host (FLEETMANAGER__IMAP__HOST) is required: …") reads better without them.
/// </summary>
public static partial class ValidationFailureText
{
    /// <summary><paramref name="failure"/> without the member labels before a message that starts with its own setting's name.</summary>
    public static string WithoutMemberLabels(string failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return MemberLabels().Replace(failure, "", 1);
    }

    // One or more "Word: " labels directly followed by a setting's name ("Section:Key"); what comes before them
    // (a source's "Sources:0: ") stays.
    [GeneratedRegex(@"(?<=^|: )(?:\w+: )+(?=\w+(?::\w+)+\b)")]
    private static partial Regex MemberLabels();
}
