namespace FleetManager.Llm.Gemini;

/// <summary>Section <c>Gemini</c>: the Gemini API reader (<c>--reader gemini</c>).</summary>
public sealed class GeminiOptions : ModelReaderOptions
{
    public const string Section = "Gemini";

    /// <summary>The current stable Flash-class model (google-apis.md, models page as of 2026-11-26).</summary>
    public const string DefaultModel = "gemini-3.8-flash";

    public GeminiOptions()
    {
        BaseUrl = new Uri("https://generativelanguage.googleapis.com/");
        Model = DefaultModel;
    }

    /// <summary>
    /// The API key (<c>GEMINI_API_KEY</c> or <c>FLEETMANAGER__GEMINI__APIKEY</c>), sent as
    /// <c>x-goog-api-key</c>. Never logged.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>The API version segment of the path.</summary>
    public string ApiVersion { get; set; } = "v1beta";

    /// <summary>Gemini 3.x <c>thinkingConfig.thinkingLevel</c> ("low", "high"); null leaves the model's default.</summary>
    public string? ThinkingLevel { get; set; }

    /// <summary>Gemini 2.5 <c>thinkingConfig.thinkingBudget</c> (0 turns thinking off); null sends none.</summary>
    public int? ThinkingBudget { get; set; }
}
