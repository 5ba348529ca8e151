using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;

namespace FleetManager.Core.Rules;

/// <summary>
/// The offline reader: classification and extraction by vocabularies and structure, no network.
/// Thread-safe and allocation-light, since it runs on every message of an import.
/// </summary>
public sealed class RulesOrderReader : IClassificationForcibleReader
{
    /// <summary>The evidence entries a typical order has: its fields and three per stop.</summary>
    private const int SourcesCapacity = 24;

    private readonly StopExtractor _stops = new();

    public ValueTask<EmailResult> ReadAsync(Email email, CancellationToken cancellationToken) => ValueTask.FromResult(Read(email));

    public EmailResult Read(Email email)
    {
        var document = RulesDocument.From(email);
        var classification = MessageClassifier.Classify(document);
        if (classification != Classification.Order)
        {
            return new EmailResult { MessageId = email.MessageId, Classification = classification };
        }

        return new EmailResult { MessageId = email.MessageId, Classification = classification, Orders = ExtractOrders(document) };
    }

    /// <summary>Reads <paramref name="email"/> as <paramref name="classification"/>: the order blocks extracted without the classifier's say, or no orders.</summary>
    public ValueTask<EmailResult> ReadAsAsync(Email email, Classification classification, CancellationToken cancellationToken) =>
        ValueTask.FromResult(classification == Classification.Order
            ? ReadAsOrder(email)
            : new EmailResult { MessageId = email.MessageId, Classification = classification });

    /// <summary>
    /// Extracts the orders of <paramref name="email"/> as if it had been classified as an order;
    /// lets tests and dev harnesses measure extraction apart from classification.
    /// </summary>
    internal EmailResult ReadAsOrder(Email email) =>
        new() { MessageId = email.MessageId, Classification = Classification.Order, Orders = ExtractOrders(RulesDocument.From(email)) };

    private List<TransportOrder> ExtractOrders(RulesDocument document)
    {
        var orders = new List<TransportOrder>();
        var blocks = OrderSegmenter.Split(document);
        // What a message of several orders states once for all of them ("Towar nie-ADR", a shared loading depot).
        var shared = SharedOrderContext.Read(document, blocks, _stops);
        foreach (var block in blocks)
        {
            // Room for every order field and three per stop from the start: grown one key at a time, the
            // dictionary was rehashed three times per order.
            var sources = new Dictionary<string, TextSpan>(SourcesCapacity);
            var order = OrderFieldExtractor.Extract(document, block, sources, oneOfSeveral: blocks.Count > 1);
            var stops = _stops.Extract(document, block, sources, shared?.Stops);
            if (shared is not null)
            {
                order = shared.Complete(order, sources);
            }

            if (order.VehicleType is null && (order.TemperatureMinC is not null || order.TemperatureMaxC is not null))
            {
                // A cargo temperature asks for a temperature-controlled truck though no vehicle word says so ("both chilled
                // 0 to +4 °C"): every labelled order with a temperature range is a reefer (order-format.md).
                order = order with { VehicleType = VehicleType.Reefer };
                if (sources.TryGetValue("temperature_min_c", out var temperature) || sources.TryGetValue("temperature_max_c", out temperature))
                {
                    sources["vehicle_type"] = temperature;
                }
            }

            if (blocks.Count > 1 && order.ReferenceNumber is null && Fields.BlockHeadingReference.Read(document.Text, block) is { } heading)
            {
                // Each order of the message takes its own reference: the code that heads its block.
                order = order with { ReferenceNumber = heading.Value };
                sources["reference_number"] = heading.Span;
            }

            var complete = order with { Stops = stops, Sources = sources };
            orders.Add(complete with { Confidence = ConfidenceScorer.Score(document.Text, complete) });
        }

        return orders;
    }
}
