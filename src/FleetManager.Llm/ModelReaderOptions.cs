using System.ComponentModel.DataAnnotations;

namespace FleetManager.Llm;

/// <summary>Settings every model reader shares (sections <c>Gemini</c> and <c>OpenAI</c>).</summary>
public abstract class ModelReaderOptions
{
    /// <summary>The API's base address; tests point it at a stand-in.</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new("http://localhost/");

    /// <summary>The model id. Configuration, not code: model ids are retired often.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Model { get; set; } = "";

    /// <summary>Client-side limit on requests started per minute (retries and repair calls included).</summary>
    [Range(1, 100_000)]
    public int RequestsPerMinute { get; set; } = 10;

    /// <summary>Retries of one request on 429/5xx/timeouts before the service counts as unavailable.</summary>
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 4;

    /// <summary>First backoff delay when the server gives no hint (doubles each retry, with jitter).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between retries; a server hint longer than this is not waited for.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>How long one HTTP attempt may take (a long PDF can take a minute).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long one message may take in all: rate-limit waits, retries and the repair call.</summary>
    public TimeSpan MessageTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Messages read at the same time (the rate limiter still spaces the requests).</summary>
    [Range(1, 256)]
    public int MaxConcurrentMessages { get; set; } = 4;

    /// <summary>Total bytes of PDFs and images sent inline per message; larger ones go as their extracted text.</summary>
    [Range(0, 100_000_000)]
    public long MaxInlineAttachmentBytes { get; set; } = 14_000_000;

    /// <summary>Upper bound on answer tokens (thinking included for thinking models); null sends none.</summary>
    [Range(256, 1_000_000)]
    public int? MaxOutputTokens { get; set; } = 16_384;
}
