using FleetManager.Core.Model;
using V = FleetManager.Core.Rules.Classifying.ClassificationVocabulary;

namespace FleetManager.Llm.PreFiltering;

/// <summary>
/// Decides, without a model call, the messages that are certainly not orders: delivery status
/// notifications (<c>multipart/report</c>, mailer-daemon), automatic replies by their headers
/// (<c>Auto-Submitted: auto-replied</c>, <c>X-Autoreply</c>, <c>Precedence: auto_reply</c>), and — only when
/// the message holds none of the rules engine's structural order evidence (exchange lanes, loading
/// and unloading lines, load lists), so a freight exchange's digest still reaches the model — an
/// auto-reply subject and bulk mail (<c>List-Unsubscribe</c>, <c>List-Id</c>, <c>Precedence: bulk</c>).
/// <c>Auto-Submitted: auto-generated</c> decides nothing: transport systems send orders that way.
/// </summary>
public static class NotAnOrderPreFilter
{
    /// <summary>Why the message is certainly not an order, or null when the model must read it.</summary>
    public static string? Decide(Email email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var headers = email.Headers;
        if (Header(headers, "content-type").StartsWith("multipart/report", StringComparison.OrdinalIgnoreCase))
        {
            return "delivery status notification (multipart/report)";
        }

        var sender = email.From?.Address ?? "";
        var local = sender.Split('@')[0];
        if (local.Equals("mailer-daemon", StringComparison.OrdinalIgnoreCase) || local.Equals("postmaster", StringComparison.OrdinalIgnoreCase))
        {
            return "delivery status notification (" + local.ToLowerInvariant() + ")";
        }

        var automatic = Header(headers, "auto-submitted").Contains("auto-replied", StringComparison.OrdinalIgnoreCase)
            || headers.ContainsKey("x-autoreply") || headers.ContainsKey("x-autorespond")
            || Header(headers, "precedence").Contains("auto_reply", StringComparison.OrdinalIgnoreCase);
        if (automatic)
        {
            // The rules engine trusts these headers alone too: an out-of-office answer is never an order.
            return "automatic reply (headers)";
        }

        if (V.AutoReply().IsMatch(email.Subject ?? "") && !HasOrderVocabulary(email))
        {
            return "automatic reply (subject)";
        }

        var precedence = Header(headers, "precedence");
        var bulk = headers.ContainsKey("list-unsubscribe") || headers.ContainsKey("list-id")
            || precedence.Contains("bulk", StringComparison.OrdinalIgnoreCase) || precedence.Contains("list", StringComparison.OrdinalIgnoreCase)
            || precedence.Contains("junk", StringComparison.OrdinalIgnoreCase);
        if (bulk && !HasOrderVocabulary(email))
        {
            return "bulk mail without order vocabulary";
        }

        return null;
    }

    /// <summary>
    /// The rules engine's structural order evidence in the new text or the attachments' text: an
    /// exchange lane with postcodes on both sides, a loading line together with an unloading line, or
    /// a load-list header. Subject words alone ("Ladungen", "PL→DE") are not enough: newsletters of
    /// freight exchanges use them too.
    /// </summary>
    internal static bool HasOrderVocabulary(Email email)
    {
        foreach (var text in email.Attachments.Select(a => a.Text).Prepend(email.Body))
        {
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            if (V.DigestLane().IsMatch(text) || (V.LoadingLine().IsMatch(text) && V.UnloadingLine().IsMatch(text)) || V.LoadListHeader().IsMatch(text))
            {
                return true;
            }
        }

        return false;
    }

    private static string Header(IReadOnlyDictionary<string, string> headers, string name) =>
        headers.TryGetValue(name, out var value) ? value : "";
}
