using FleetManager.Core.Model;

namespace FleetManager.Core.Rules;

/// <summary>Reads the order-level fields (reference, cargo, weight, vehicle, price, contact ...) of one order block.</summary>
public sealed class OrderFieldExtractor
{
    public TransportOrder Extract(RulesDocument document, OrderBlock block, IDictionary<string, TextSpan> sources) => new();
}
