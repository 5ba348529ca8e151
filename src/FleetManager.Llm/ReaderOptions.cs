using System.ComponentModel.DataAnnotations;

namespace FleetManager.Llm;

/// <summary>Section <c>Reader</c>: which reader reads the messages.</summary>
public sealed class ReaderOptions
{
    public const string Section = "Reader";

    /// <summary><c>rules</c> (offline, the default), <c>gemini</c> or <c>openai</c> (<c>FLEETMANAGER__READER__KIND</c>, or <c>--reader</c>).</summary>
    [AllowedValues("rules", "gemini", "openai")]
    public string Kind { get; set; } = "rules";

    /// <summary>Decide certain non-orders (auto-replies, bounces, bulk mail without order words) without a model call.</summary>
    public bool PreFilter { get; set; } = true;
}
