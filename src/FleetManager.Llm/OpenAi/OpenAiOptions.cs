namespace FleetManager.Llm.OpenAi;

/// <summary>
/// Section <c>OpenAI</c>: any OpenAI-compatible chat/completions server (<c>--reader openai</c>):
/// OpenAI, Ollama (<c>http://localhost:11434/v1/</c>), vLLM, LM Studio.
/// </summary>
public sealed class OpenAiOptions : ModelReaderOptions
{
    public const string Section = "OpenAI";

    public const string DefaultModel = "gpt-4.1-mini";

    public OpenAiOptions()
    {
        BaseUrl = new Uri("https://api.openai.com/v1/");
        Model = DefaultModel;
        RequestsPerMinute = 60;
    }

    /// <summary>Bearer key (<c>FLEETMANAGER__OPENAI__APIKEY</c>); optional for local servers. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Send PDFs and images as content parts (OpenAI accepts them; many local servers take images only or nothing).</summary>
    public bool SendFiles { get; set; } = true;
}
