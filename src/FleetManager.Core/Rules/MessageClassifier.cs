using FleetManager.Core.Model;

namespace FleetManager.Core.Rules;

/// <summary>Decides whether a message is an order, an invoice or something else.</summary>
public sealed class MessageClassifier
{
    public Classification Classify(RulesDocument document) => Classification.Other;
}
