using FleetManager.Core.Model;

namespace FleetManager.Core.Rules;

/// <summary>Finds the loading and unloading stops of one order block.</summary>
public sealed class StopExtractor
{
    public IReadOnlyList<Stop> Extract(RulesDocument document, OrderBlock block, IDictionary<string, TextSpan> sources) => [];
}
