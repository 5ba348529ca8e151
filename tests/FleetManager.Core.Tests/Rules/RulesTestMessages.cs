using FleetManager.Core.Model;
using FleetManager.Core.Rules;

namespace FleetManager.Core.Tests.Rules;

/// <summary>Builds small hand-written messages for the rules engine's tests.</summary>
internal static class RulesTestMessages
{
    public static Email Email(string subject, string body, string from = "anna.nowak@example-shipper.pl", params EmailAttachment[] attachments)
        => new()
        {
            MessageId = "<test@example.invalid>",
            Subject = subject,
            From = new EmailAddress("Anna Nowak", from),
            Date = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero),
            Body = body,
            Attachments = attachments,
        };

    public static TransportOrder Extract(string subject, string body)
    {
        var document = RulesDocument.From(Email(subject, body));
        var sources = new Dictionary<string, TextSpan>();
        return OrderFieldExtractor.Extract(document, new OrderBlock(0, document.Text.Length), sources);
    }

    public static Classification Classify(Email email) => MessageClassifier.Classify(RulesDocument.From(email));
}
