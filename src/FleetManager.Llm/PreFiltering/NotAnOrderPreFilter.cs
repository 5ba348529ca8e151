using FleetManager.Core.Model;
using V = FleetManager.Core.Rules.Classifying.ClassificationVocabulary;

namespace FleetManager.Llm.PreFiltering;

/// <summary>
/// Decides, without a model call, the messages that are certainly not orders: delivery status
/// notifications (<c>multipart/report</c>, mailer-daemon), automatic replies (<c>Auto-Submitted:
/// auto-replied</c>, <c>X-Autoreply</c>, <c>Precedence: auto_reply</c>, an auto-reply subject) and bulk
/// mail (<c>List-Unsubscribe</c>, <c>List-Id</c>, <c>Precedence: bulk</c>) — the last two only when the
/// message holds none of the rules engine's order vocabulary (order subject words, loading or
/// unloading lines, lanes, load lists), so a freight exchange's digest still reaches the model.
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
        if (automatic && !HasOrderVocabulary(email))
        {
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

    /// <summary>Any of the words and shapes the rules engine counts as order evidence, in the subject, the new text or the attachments' text.</summary>
    internal static bool HasOrderVocabulary(Email email)
    {
        var subject = email.Subject ?? "";
        if (V.OrderSubject().IsMatch(subject) || V.Lane().IsMatch(subject))
        {
            return true;
        }

        foreach (var text in email.Attachments.Select(a => a.Text).Prepend(email.Body))
        {
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            if (V.LoadingLine().IsMatch(text) || V.UnloadingLine().IsMatch(text) || V.DigestLane().IsMatch(text)
                || V.LoadListHeader().IsMatch(text) || V.OrderSubject().IsMatch(text))
            {
                return true;
            }
        }

        return false;
    }

    private static string Header(IReadOnlyDictionary<string, string> headers, string name) =>
        headers.TryGetValue(name, out var value) ? value : "";
}
