using System.ComponentModel.DataAnnotations;

namespace FleetManager.Mail.Imap;

/// <summary>
/// One IMAP mailbox to read. Bound from any configuration section (the root <c>Imap</c> section, or a
/// source of its own such as <c>Sources:0:Imap</c>) and checked at start by <see cref="ImapOptionsValidator"/>.
/// </summary>
public sealed class ImapOptions
{
    /// <summary>The section of a single IMAP source.</summary>
    public const string SectionName = "Imap";

    /// <summary>The server's host name or address.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Imap:Host (FLEETMANAGER__IMAP__HOST) is required: the IMAP server's host name, for example imap.example.com (docs/imap.md).")]
    public string Host { get; set; } = "";

    /// <summary>The server's port; 0 picks the usual one (993 for <see cref="ImapSecurity.Tls"/>, else 143).</summary>
    [Range(0, 65535)]
    public int Port { get; set; }

    /// <summary>TLS from the start (default), STARTTLS, or none (a server on this machine only).</summary>
    public ImapSecurity Security { get; set; } = ImapSecurity.Tls;

    /// <summary>
    /// A PEM certificate to trust besides the system's trust store: the server's own self-signed
    /// certificate. The server must present exactly this certificate.
    /// </summary>
    public string? TrustedCertificateFile { get; set; }

    /// <summary>The login name.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Imap:Username (FLEETMANAGER__IMAP__USERNAME) is required: the mailbox's login name.")]
    public string Username { get; set; } = "";

    /// <summary>Password login (default) or OAuth 2.0 (SASL XOAUTH2 with a token provider).</summary>
    public ImapAuthentication Authentication { get; set; } = ImapAuthentication.Password;

    /// <summary>The password (or app password) when <see cref="Authentication"/> is <see cref="ImapAuthentication.Password"/>. Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>The folder read for new messages.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Imap:Folder must name the folder to read, for example INBOX.")]
    public string Folder { get; set; } = "INBOX";

    /// <summary>What is done to a message once it is committed: flag it (default), move it, or nothing.</summary>
    public ImapAfterCommit After { get; set; } = ImapAfterCommit.Flag;

    /// <summary>
    /// With <see cref="ImapAfterCommit.Flag"/>: the keyword added to a committed message, or a system flag
    /// (<c>\Seen</c>, <c>\Flagged</c>, <c>\Answered</c>).
    /// </summary>
    public string Flag { get; set; } = "$FleetManagerProcessed";

    /// <summary>With <see cref="ImapAfterCommit.Flag"/>: the keyword added to a quarantined message (empty: <see cref="Flag"/>).</summary>
    public string? QuarantineFlag { get; set; } = "$FleetManagerQuarantined";

    /// <summary>With <see cref="ImapAfterCommit.Move"/>: where committed messages go ('/' separates levels; created if missing).</summary>
    public string MoveTo { get; set; } = "FleetManager/Processed";

    /// <summary>With <see cref="ImapAfterCommit.Move"/>: where quarantined messages go (empty: <see cref="MoveTo"/>).</summary>
    public string? QuarantineFolder { get; set; } = "FleetManager/Quarantine";

    /// <summary>Wait for new mail with IDLE when the server supports it (otherwise the caller's poll interval is waited out).</summary>
    public bool UseIdle { get; set; } = true;

    /// <summary>IDLE is restarted this often: servers drop an IDLE older than 30 minutes (RFC 2177).</summary>
    public TimeSpan IdleRefresh { get; set; } = TimeSpan.FromMinutes(9);

    /// <summary>How long connecting (TCP, TLS, greeting) may take.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the server may stay silent during one command.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// On the first run (no cursor) and after a UIDVALIDITY change, read at most the newest this many
    /// messages of the folder (the ledger drops any already committed).
    /// </summary>
    [Range(1, int.MaxValue)]
    public int SyncMaxMessages { get; set; } = 1000;

    /// <summary>On the first run and after a UIDVALIDITY change, read only messages received within this span (unset: no age limit).</summary>
    public TimeSpan? SyncMaxAge { get; set; }

    /// <summary>A message larger than this is not downloaded; it is quarantined with the reason.</summary>
    [Range(1, long.MaxValue)]
    public long MaxMessageBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>
    /// At most this many messages are downloaded with one <c>UID FETCH</c> command: one round trip for
    /// many messages instead of one each.
    /// </summary>
    [Range(1, 1000)]
    public int FetchBatchSize { get; set; } = 50;

    /// <summary>
    /// At most this many bytes (by the sizes the server reports) are downloaded with one
    /// <c>UID FETCH</c> command, so a batch of large messages stays bounded in memory. A single message
    /// larger than this (but within <see cref="MaxMessageBytes"/>) is fetched on its own.
    /// </summary>
    [Range(1, long.MaxValue)]
    public long FetchBatchBytes { get; set; } = 8L * 1024 * 1024;

    /// <summary>The port actually used.</summary>
    public int EffectivePort => Port != 0 ? Port : Security == ImapSecurity.Tls ? 993 : 143;
}
