using FleetManager.Llm.Gemini;
using Microsoft.Extensions.Options;

namespace FleetManager.Llm;

/// <summary>The Gemini key is required once the Gemini reader is chosen; the failure names the variables that set it.</summary>
public sealed class GeminiOptionsValidator : IValidateOptions<GeminiOptions>
{
    public ValidateOptionsResult Validate(string? name, GeminiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.ApiKey)
            ? ValidateOptionsResult.Fail("Gemini:ApiKey is not set: set GEMINI_API_KEY or FLEETMANAGER__GEMINI__APIKEY (get a key at https://aistudio.google.com/apikey)")
            : ValidateOptionsResult.Success;
    }
}
