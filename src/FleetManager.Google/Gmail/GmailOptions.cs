using System.ComponentModel.DataAnnotations;
using FleetManager.Core.Options;

namespace FleetManager.Google.Gmail;

/// <summary>
/// The Gmail mailbox (configuration section <c>Gmail</c>; environment variables
/// <c>FLEETMANAGER__GMAIL__KEY</c>, and the original tool's <c>GMAIL_CREDENTIALS_FILE</c>).
/// </summary>
public sealed class GmailOptions
{
    public const string SectionName = "Gmail";

    /// <summary>Full mail access, the scope Google requires for IMAP with XOAUTH2 (asked for by <c>auth google</c> when an IMAP source uses it).</summary>
    public const string FullMailScope = "https://mail.google.com/";

    /// <summary>The Gmail API's root (<c>Gmail:BaseUrl</c>). Default <c>https://gmail.googleapis.com/</c>.</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new("https://gmail.googleapis.com/");

    /// <summary>
    /// The credential (<c>Gmail:CredentialsFile</c>, legacy <c>GMAIL_CREDENTIALS_FILE</c>): either the client
    /// secret JSON of an OAuth "Desktop app" client (then <see cref="TokenFile"/> holds the refresh token
    /// written by <c>fleetmanager auth google</c>) or a service-account key JSON (Workspace, domain-wide
    /// delegation, impersonating <see cref="User"/>). Must not be readable by group or others.
    /// </summary>
    [Required(ErrorMessage = "Gmail:CredentialsFile (GMAIL_CREDENTIALS_FILE) is required: the OAuth client secret JSON or a service-account key JSON (see docs/gmail.md).")]
    public string CredentialsFile { get; set; } = "";

    /// <summary>
    /// The stored refresh token of the installed-app flow (<c>Gmail:TokenFile</c>). Default
    /// <c>$DataDir/gmail-token.json</c>, else <c>./gmail-token.json</c>. Written with mode 0600.
    /// </summary>
    public string? TokenFile { get; set; }

    /// <summary>
    /// The mailbox (<c>Gmail:User</c>): <c>me</c> (default: the account that authorized) or an address;
    /// with a service account, the Workspace user to impersonate (required then).
    /// </summary>
    [Required]
    public string User { get; set; } = "me";

    /// <summary>Gmail search for the first (full) sync (<c>Gmail:Query</c>). Default <c>in:inbox</c>.</summary>
    public string Query { get; set; } = "in:inbox";

    /// <summary>The first full sync reads mail received within this window (<c>Gmail:Since</c>, a TimeSpan such as <c>7.00:00:00</c>). Default 7 days.</summary>
    [TimeSpanRange("00:01:00", "3650.00:00:00")]
    public TimeSpan Since { get; set; } = TimeSpan.FromDays(7);

    /// <summary>At most this many messages are read by a full sync (<c>Gmail:MaxFullSync</c>; 5 quota units each). Default 500.</summary>
    [Range(1, 100_000)]
    public int MaxFullSync { get; set; } = 500;

    /// <summary>Label committed messages (<c>Gmail:ApplyLabels</c>). Default true; needs the <c>gmail.modify</c> scope.</summary>
    public bool ApplyLabels { get; set; } = true;

    /// <summary>The label added once a message is stored (<c>Gmail:ProcessedLabel</c>). Default <c>FleetManager/Processed</c>.</summary>
    [Required]
    public string ProcessedLabel { get; set; } = "FleetManager/Processed";

    /// <summary>The label added once a message is quarantined (<c>Gmail:QuarantinedLabel</c>). Default <c>FleetManager/Quarantined</c>.</summary>
    [Required]
    public string QuarantinedLabel { get; set; } = "FleetManager/Quarantined";

    /// <summary>Also mark committed messages read (remove <c>UNREAD</c>) (<c>Gmail:MarkRead</c>). Default false.</summary>
    public bool MarkRead { get; set; }

    /// <summary>Retries of a transient failure (429, 5xx, 403 rate limits, resets) per call (<c>Gmail:MaxRetryAttempts</c>). Default 6.</summary>
    [Range(0, 20)]
    public int MaxRetryAttempts { get; set; } = 6;

    /// <summary>First retry delay, doubled each time with jitter, unless Retry-After says otherwise (<c>Gmail:RetryBaseDelay</c>). Default 1 s.</summary>
    [TimeSpanRange("00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between retries, Retry-After included (<c>Gmail:MaxRetryDelay</c>). Default 64 s (Google's recipe).</summary>
    [TimeSpanRange("00:00:00", "00:10:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(64);

    /// <summary>One HTTP attempt's timeout (<c>Gmail:AttemptTimeout</c>). Default 30 s.</summary>
    [TimeSpanRange("00:00:01", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The token file used when <see cref="TokenFile"/> is not set.</summary>
    public static string DefaultTokenFile(string? dataDir) =>
        Path.Combine(string.IsNullOrWhiteSpace(dataDir) ? "." : dataDir, "gmail-token.json");

    /// <summary>The OAuth scopes this configuration needs: <c>gmail.modify</c> to label or mark read, else <c>gmail.readonly</c>.</summary>
    public IReadOnlyCollection<string> Scopes =>
        ApplyLabels || MarkRead ? [GmailScopes.Modify] : [GmailScopes.ReadOnly];
}
