using FleetManager.Core.Model;

namespace FleetManager.Llm;

/// <summary>One model answer: its text (the JSON), what it cost, and whether it was cut off by the token limit.</summary>
public sealed record ModelTurn(string Text, ModelUsage Usage, bool Truncated = false);
