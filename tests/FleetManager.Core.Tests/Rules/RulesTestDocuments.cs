using FleetManager.Core.Model;
using FleetManager.Core.Rules;

namespace FleetManager.Core.Tests.Rules;

/// <summary>Builds rules documents from hand-written snippets.</summary>
internal static class RulesTestDocuments
{
    public static readonly DateTimeOffset DefaultDate = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    public static RulesDocument From(string body, string subject = "Order", DateTimeOffset? date = null, params EmailAttachment[] attachments) =>
        RulesDocument.From(new Email
        {
            MessageId = "<test@example.com>",
            Subject = subject,
            Body = body.Replace("\r\n", "\n", StringComparison.Ordinal),
            Date = date ?? DefaultDate,
            Attachments = attachments,
        });

    public static IReadOnlyList<Stop> Stops(string body, DateTimeOffset? date = null)
    {
        var document = From(body, date: date);
        return new StopExtractor().Extract(document, new OrderBlock(0, document.Text.Length), new Dictionary<string, TextSpan>());
    }
}
