using System.ComponentModel.DataAnnotations;
using FleetManager.Core.Options;

namespace FleetManager.Google.Sheets;

/// <summary>
/// The Google Sheets sink (<c>Sheets</c> section). Orders are mirrored into one tab of one spreadsheet;
/// nothing is sent while <see cref="SpreadsheetId"/> is empty.
/// </summary>
public sealed class SheetsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Sheets";

    /// <summary>The OAuth scope the sink asks the token provider for.</summary>
    public const string Scope = "https://www.googleapis.com/auth/spreadsheets";

    /// <summary>Sheets API root (default <c>https://sheets.googleapis.com/</c>); tests point it at a stand-in.</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new("https://sheets.googleapis.com/");

    /// <summary>
    /// The spreadsheet's id: the long part of its URL between <c>/d/</c> and <c>/edit</c>
    /// (<c>GOOGLE_SHEETS_SPREADSHEET_ID</c>). Empty: Sheets is not configured.
    /// </summary>
    [RegularExpression("^[A-Za-z0-9_-]*$", ErrorMessage = "Sheets:SpreadsheetId must be the id from the spreadsheet's URL (letters, digits, '-' and '_'), not the whole URL.")]
    public string? SpreadsheetId { get; set; }

    /// <summary>
    /// The tab the orders go to (<c>GOOGLE_SHEETS_RANGE_NAME</c>), default <c>Sheet1</c>. An A1 range such
    /// as <c>Orders!A1:AK</c> is accepted for compatibility with the original tool; only the tab name is
    /// used, because the columns are fixed (see docs/sheets.md).
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string Range { get; set; } = "Sheet1";

    /// <summary>Rows per <c>values.append</c> request (default 500): one request per batch keeps far below the write quota.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>Longest wait for one HTTP attempt (default 30 s); a write that times out is treated as ambiguous.</summary>
    [TimeSpanRange("00:00:00.001", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of a request that certainly had no effect (a read, or HTTP 429) before giving up (default 4).</summary>
    [Range(0, 20)]
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>First back-off delay (default 2 s), doubled per retry with jitter; <c>Retry-After</c> wins when sent.</summary>
    [TimeSpanRange("00:00:00", "00:05:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How often one batch is re-sent after an ambiguous failure (timeout, 5xx, reset) in one run, each time
    /// after reading the key column back (default 3). Then the run stops and the rows stay pending.
    /// </summary>
    [Range(0, 20)]
    public int MaxAmbiguousRetries { get; set; } = 3;

    /// <summary>True when a spreadsheet is named.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(SpreadsheetId);

    /// <summary>The tab's name: <see cref="Range"/> before any <c>!</c>, without the quotes of <c>'My Sheet'</c>.</summary>
    public string SheetName
    {
        get
        {
            var name = Range.Trim();
            var bang = name.LastIndexOf('!');
            if (bang >= 0)
            {
                name = name[..bang];
            }

            if (name.Length >= 2 && name[0] == '\'' && name[^1] == '\'')
            {
                name = name[1..^1].Replace("''", "'", StringComparison.Ordinal);
            }

            return name;
        }
    }
}
