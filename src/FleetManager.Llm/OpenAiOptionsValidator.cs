using FleetManager.Llm.OpenAi;
using Microsoft.Extensions.Options;

namespace FleetManager.Llm;

/// <summary>
/// Once the OpenAI-compatible reader is chosen it must be configured: a key for OpenAI's own endpoint, or
/// a <c>BaseUrl</c> naming another server (Ollama, vLLM, LM Studio, which may need no key). Without either
/// the reader would call the public endpoint with no key and fail only after its retries.
/// </summary>
public sealed class OpenAiOptionsValidator : IValidateOptions<OpenAiOptions>
{
    public ValidateOptionsResult Validate(string? name, OpenAiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var publicEndpoint = options.BaseUrl is { IsAbsoluteUri: true } url && url.Host.Equals("api.openai.com", StringComparison.OrdinalIgnoreCase);
        return publicEndpoint && string.IsNullOrWhiteSpace(options.ApiKey)
            ? ValidateOptionsResult.Fail(
                "OpenAI is not configured: set OpenAI:ApiKey (FLEETMANAGER__OPENAI__APIKEY) for api.openai.com, or OpenAI:BaseUrl (FLEETMANAGER__OPENAI__BASEURL) to your OpenAI-compatible server, for example http://localhost:11434/v1/ for Ollama")
            : ValidateOptionsResult.Success;
    }
}
