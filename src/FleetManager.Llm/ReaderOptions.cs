using System.ComponentModel.DataAnnotations;

namespace FleetManager.Llm;

/// <summary>Section <c>Reader</c>: which reader reads the messages.</summary>
public sealed class ReaderOptions
{
    public const string Section = "Reader";

    /// <summary>
    /// <c>rules</c> (offline, the default), <c>gemini</c>, <c>openai</c>, or <c>hybrid</c> (the rules engine,
    /// and the model <see cref="HybridModel"/> names only for orders it is unsure of)
    /// (<c>FLEETMANAGER__READER__KIND</c>, or <c>--reader</c>).
    /// </summary>
    [AllowedValues("rules", "gemini", "openai", "hybrid")]
    public string Kind { get; set; } = "rules";

    /// <summary>The model a <c>hybrid</c> reader asks: <c>gemini</c> (default) or <c>openai</c> (<c>FLEETMANAGER__READER__HYBRIDMODEL</c>).</summary>
    [AllowedValues("gemini", "openai")]
    public string HybridModel { get; set; } = "gemini";

    /// <summary>
    /// A <c>hybrid</c> reader sends a message to the model when an order the rules engine found has a
    /// confidence below this (0–1; default 0.6; orders without a loading or an unloading place score 0.2)
    /// (<c>FLEETMANAGER__READER__HYBRIDTHRESHOLD</c>).
    /// </summary>
    [Range(0.0, 1.0)]
    public double HybridThreshold { get; set; } = 0.6;

    /// <summary>Decide certain non-orders (auto-replies, bounces, bulk mail without order words) without a model call.</summary>
    public bool PreFilter { get; set; } = true;
}
