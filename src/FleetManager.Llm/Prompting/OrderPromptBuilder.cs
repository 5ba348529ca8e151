using System.Globalization;
using System.Text;
using FleetManager.Core.Model;

namespace FleetManager.Llm.Prompting;

/// <summary>
/// Builds the prompt for one email. PDFs and images go inline as files while their total stays under
/// <c>maxInlineBytes</c> (Gemini's whole request must stay under 20 MB); a larger one, and every other
/// attachment, goes as the text the parser took out of it. The instructions condense
/// order-format.md so classification and extraction happen in the one call.
/// </summary>
public sealed class OrderPromptBuilder(long maxInlineBytes, int maxQuotedCharacters = 8_000)
{
    /// <summary>The system instruction shared by every reader (the spec's rules, condensed).</summary>
    public const string Instructions = """
        You read one email received by a road freight carrier or forwarder and answer with JSON only, in the given schema.

        classification:
        - "order": the email asks the reader to carry, or to price, at least one specific road transport with a known origin and destination: bookings and transport orders, load offers from freight exchanges, price enquiries for a named lane, tenders. A reply that only confirms, chases or cancels an order already sent is "other".
        - "invoice": a bill, a credit note, a payment reminder or a statement of account.
        - "other": everything else (newsletters, out-of-office replies, tracking updates, CMR/POD copies, spam, internal chat, driver messages, order confirmations and cancellations).
        orders: empty unless classification is "order". One email can hold several orders (a freight-exchange digest, a weekly plan); list them in the order the email gives them.

        For each order (a value the email does not give is null: never an empty string, never a guess):
        - request_type: "booking" (a direct order naming the transport, with or without a price, "if you can take it" included), "quote_request" (a request for a price), "load_offer" (a one-line exchange-style offer or an exchange digest entry).
        - reference_number: the sender's order, booking or load number as written, without its label; not loading-slot or pick-up references given separately.
        - customer: the company that sends the order (not the carrier, not the loading site). In a freight-exchange digest, the company that posted each load; in a forwarded order, the company that orders from us (not a colleague forwarding internally).
        - stops: in travel order, with type "loading" or "unloading". postal_code in national form without a country prefix (DE-80331 -> 80331, PL 02-672 -> 02-672; 619 00 and TF7 4QT stay). city as the email writes it. country as ISO 3166-1 alpha-2, inferred from a prefix, a country name or an unambiguous city.
        - date: YYYY-MM-DD when the email writes the year. When the email omits the year, give day and month as DD.MM. (for example 03.12.) and do not add a year. A calendar week alone (KW 49, week 50) or ASAP is null; a week with a day (week 50, Tuesday 8 December) is a date.
        - time_from, time_to: local HH:MM 24-hour. An exact slot (07:30) sets both; an open bound sets one side (ab 6 Uhr -> time_from 06:00; bis 12 Uhr -> time_to 12:00).
        - weight_kg, pallets: totals for the order in kilograms and pallets (24 t = 24000, 24.000 kg = 24000, 22,5 t = 22500; approximate values are taken as the number; Gitterboxes count as pallets). loading_meters as a number (13,6 ldm = 13.6); a trailer length is not loading metres.
        - vehicle_type: tautliner (curtainsider, Plane), box (Koffer), reefer (frigo, Kühler, Kühlkoffer), mega (a mega tautliner too), jumbo, flatbed (open platform, also with a cover tarp), van (up to 3.5 t, sprinter, bus), tanker, container (chassis), other.
        - adr: true for dangerous goods (ADR, UN number, Gefahrgut), false when the email says not ADR or non-dangerous, null if not mentioned.
        - temperature_min_c, temperature_max_c: the required cargo temperature range in °C; a single value sets both.
        - price: the offered or agreed freight rate with currency as ISO 4217; null when no rate is given.
        - special_requirements: free text of what the truck or driver must have or do beyond the fields above.
        - contact: the person to speak to about this order.
        Quoted earlier messages are context: take orders from them only when the new text forwards them.
        """;

    private static readonly string[] InlineTypes = ["application/pdf", "image/png", "image/jpeg", "image/webp", "image/heic", "image/heif", "image/gif"];

    public OrderPrompt Build(Email email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var text = new StringBuilder();
        text.Append("Message-ID: ").AppendLine(email.MessageId);
        text.Append("From: ").AppendLine(Address(email.From));
        if (email.To.Count > 0)
        {
            text.Append("To: ").AppendLine(string.Join(", ", email.To.Select(Address)));
        }

        if (email.Date is { } date)
        {
            text.Append("Date: ").AppendLine(date.ToString("ddd, yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture));
        }

        text.Append("Subject: ").AppendLine(email.Subject ?? "");
        text.AppendLine().AppendLine(email.Body);
        if (!string.IsNullOrWhiteSpace(email.QuotedText))
        {
            var quoted = email.QuotedText.Length > maxQuotedCharacters ? email.QuotedText[..maxQuotedCharacters] + "\n[...]" : email.QuotedText;
            text.AppendLine().AppendLine("--- quoted earlier messages ---").AppendLine(quoted);
        }

        var files = new List<PromptFile>();
        long inlineBytes = 0;
        foreach (var attachment in email.Attachments)
        {
            var name = attachment.FileName ?? "(unnamed)";
            var mime = attachment.ContentType.Split(';')[0].Trim().ToLowerInvariant();
            var inline = InlineTypes.Contains(mime) && !attachment.Content.IsEmpty && inlineBytes + attachment.Content.Length <= maxInlineBytes;
            if (inline)
            {
                inlineBytes += attachment.Content.Length;
                files.Add(new PromptFile(name, mime, attachment.Content));
                text.AppendLine().Append("--- attachment ").Append(name).Append(" (").Append(mime).AppendLine(", sent as a file) ---");
            }
            else if (!string.IsNullOrWhiteSpace(attachment.Text))
            {
                text.AppendLine().Append("--- attachment ").Append(name).Append(" (").Append(mime).AppendLine(") ---").AppendLine(attachment.Text);
            }
            else
            {
                text.AppendLine().Append("--- attachment ").Append(name).Append(" (").Append(mime).AppendLine(", content not available) ---");
            }
        }

        return new OrderPrompt(Instructions, text.ToString(), files);
    }

    private static string Address(EmailAddress? address) =>
        address is null ? "" : string.IsNullOrEmpty(address.Name) ? address.Address : $"{address.Name} <{address.Address}>";
}
