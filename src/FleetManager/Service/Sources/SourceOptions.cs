using System.ComponentModel.DataAnnotations;

namespace FleetManager.Service.Sources;

/// <summary>One entry of the <c>Sources</c> array: a mailbox the service polls.</summary>
public sealed class SourceOptions
{
    /// <summary>The source's stable name: its lease, cursor, logs and metrics use it. Letters, digits, <c>-_.:@</c>.</summary>
    [Required]
    [RegularExpression(@"^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,63}$", ErrorMessage = "Sources: Name must be 1-64 letters, digits or -_.:@ (it names the lease and cursor).")]
    public string Name { get; set; } = "";

    /// <summary>What kind of mailbox: <c>folder</c>, <c>gmail</c>, <c>imap</c>. Its settings are in the section named after the kind (<c>Folder</c>, <c>Gmail</c>, <c>Imap</c>).</summary>
    [Required]
    public string Kind { get; set; } = "folder";

    /// <summary>False pauses the source without removing it. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time between polls (used when <see cref="Cron"/> is not set). Default 1 min.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A cron expression (UTC, five fields, or six with seconds) for when to poll; replaces <see cref="Interval"/>.</summary>
    public string? Cron { get; set; }

    /// <summary>Which reader extracts the orders: <c>rules</c> (offline), <c>gemini</c>, <c>openai</c>; when not set, <c>Reader:Kind</c> (else <c>rules</c>).</summary>
    public string Reader { get; set; } = "rules";

    /// <summary>At most this many messages share one transaction. Default 64.</summary>
    [Range(1, 10_000)]
    public int MaxBatch { get; set; } = 64;
}
