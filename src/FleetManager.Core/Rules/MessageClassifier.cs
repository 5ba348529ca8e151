using FleetManager.Core.Model;
using FleetManager.Core.Rules.Classifying;
using V = FleetManager.Core.Rules.Classifying.ClassificationVocabulary;

namespace FleetManager.Core.Rules;

/// <summary>
/// Decides whether a message is an order, an invoice or something else (order-format.md). First the
/// message kinds that are never orders whatever they mention (auto-replies, calendar invites, phishing,
/// job applications, cancellations, replies that only confirm), then scored evidence: transport
/// structure (loading and unloading places, quantities, vehicle, price, dates, lanes) against
/// billing structure (invoice words, bank details, due dates, totals, VAT), with penalties for
/// newsletters, status updates and internal notes. Stateless and thread-safe.
/// </summary>
public sealed class MessageClassifier
{
    /// <summary>Order evidence needed to call a message an order.</summary>
    private const int OrderThreshold = 7;

    /// <summary>Billing evidence needed to call a message an invoice.</summary>
    private const int InvoiceThreshold = 6;

    public Classification Classify(RulesDocument document)
    {
        var email = document.Email;
        var subject = email.Subject ?? "";
        if (IsAutomaticReply(email.Headers))
        {
            return Classification.Other;
        }

        var isForward = email.IsForward || V.ForwardPrefix().IsMatch(subject);
        var isReply = !isForward && V.ReplyPrefix().IsMatch(subject);
        var subjectCore = V.ReplyPrefix().Replace(V.ForwardPrefix().Replace(subject, ""), "");
        var body = email.Body;
        var newBody = isReply ? body[..ReplyText.NewTextLength(body)] : body;
        var attachmentText = string.Join("\n\n", email.Attachments.Select(a => a.Text).Where(t => !string.IsNullOrWhiteSpace(t)));
        var attachmentNames = string.Join(" ", email.Attachments.Select(a => a.FileName ?? ""));
        var content = attachmentText.Length == 0 ? newBody : newBody + "\n\n" + attachmentText;

        if (V.AutoReply().IsMatch(subject) || (V.AutoReplyBody().IsMatch(newBody) && newBody.Length < 1500))
        {
            return Classification.Other;
        }

        if (V.CalendarInvite().IsMatch(subjectCore) || V.CalendarInvite().IsMatch(newBody)
            || email.Attachments.Any(a => a.ContentType.Contains("calendar", StringComparison.OrdinalIgnoreCase)
                || (a.FileName?.EndsWith(".ics", StringComparison.OrdinalIgnoreCase) ?? false)))
        {
            return Classification.Other;
        }

        if (V.Phishing().IsMatch(subject) || V.Phishing().IsMatch(newBody) || V.JobApplication().IsMatch(subjectCore)
            || V.Cancellation().IsMatch(subjectCore))
        {
            return Classification.Other;
        }

        var loadingLines = V.LoadingLine().Count(content);
        var unloadingLines = V.UnloadingLine().Count(content);
        // Cheap exact pre-filters: every digest lane has an arrow (all its arrows contain '>', '→' or
        // '»'), and a load-list header needs cell separators; most messages have neither, and these
        // line-anchored patterns are costly to run over a whole message for nothing.
        var digestLanes = newBody.AsSpan().IndexOfAny('>', '→', '»') < 0 ? 0 : V.DigestLane().Count(newBody);
        var loadList = content.AsSpan().IndexOfAny(';', '\t', '|') >= 0 && V.LoadListHeader().IsMatch(content);

        // A reply is judged by its own text: without a new lane it only confirms, chases or answers.
        if (isReply && (loadingLines == 0 || unloadingLines == 0) && digestLanes < 2 && !loadList)
        {
            return Classification.Other;
        }

        var order = OrderScore(subjectCore, content, loadingLines, unloadingLines, digestLanes, loadList);
        if (isReply && V.ReplyAcknowledgement().IsMatch(newBody))
        {
            order -= 2;
        }

        var newsletter = email.Headers.ContainsKey("list-unsubscribe") || email.Headers.ContainsKey("list-id") || V.Newsletter().IsMatch(newBody);
        if (newsletter && digestLanes < 2)
        {
            order -= 6;
        }

        if (V.StatusSubject().IsMatch(subjectCore))
        {
            order -= 5;
        }

        if (!isForward && IsInternal(email))
        {
            order -= 4;
        }

        var invoice = InvoiceScore(subjectCore, newBody, attachmentText, attachmentNames);
        if (invoice >= InvoiceThreshold && invoice >= order - 2)
        {
            return Classification.Invoice;
        }

        if (order >= OrderThreshold)
        {
            return Classification.Order;
        }

        return invoice >= InvoiceThreshold ? Classification.Invoice : Classification.Other;
    }

    private static int OrderScore(string subject, string content, int loadingLines, int unloadingLines, int digestLanes, bool loadList)
    {
        var score = 0;
        score += V.OrderSubject().IsMatch(subject) ? 2 : 0;
        score += V.Lane().IsMatch(subject) ? 2 : 0;
        score += loadingLines > 0 ? 2 : 0;
        score += unloadingLines > 0 ? 2 : 0;
        score += V.CargoQuantity().IsMatch(content) ? 2 : 0;
        score += V.VehicleWord().IsMatch(content) ? 1 : 0;
        score += V.PriceMention().IsMatch(content) ? 1 : 0;
        score += V.DateWord().IsMatch(content) ? 1 : 0;
        score += digestLanes >= 2 ? 4 : 0;
        score += loadList ? 4 : 0;
        return score;
    }

    private static int InvoiceScore(string subject, string body, string attachmentText, string attachmentNames)
    {
        if (V.QuestionSubject().IsMatch(subject))
        {
            // A question about a bill is correspondence, not the bill.
            return 0;
        }

        var score = V.InvoiceWord().IsMatch(subject) ? 6 : 0;
        // Only the first five distinct structure words and two invoice words count, so the scans stop
        // there instead of running over the rest of a long statement (same counts, less work).
        var structure = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var match in V.InvoiceStructure().Matches(body).Concat(V.InvoiceStructure().Matches(attachmentText)))
        {
            structure.Add(match.Value);
            if (structure.Count == MaxStructureWords)
            {
                break;
            }
        }

        score += Math.Min(structure.Count, MaxStructureWords);
        score += V.InvoiceWord().IsMatch(attachmentNames) ? 3 : 0;
        score += CountUpTo(V.InvoiceWord().EnumerateMatches(body), 2);
        return score;
    }

    /// <summary>Distinct billing-structure words that count towards the invoice score.</summary>
    private const int MaxStructureWords = 5;

    private static int CountUpTo(System.Text.RegularExpressions.Regex.ValueMatchEnumerator matches, int limit)
    {
        var count = 0;
        foreach (var _ in matches)
        {
            if (++count == limit)
            {
                break;
            }
        }

        return count;
    }

    private static bool IsAutomaticReply(IReadOnlyDictionary<string, string> headers)
    {
        // "auto-replied" is an out-of-office or vacation answer; "auto-generated" is how TMSs and
        // billing systems send orders and invoices, so it decides nothing.
        if (headers.TryGetValue("auto-submitted", out var autoSubmitted) && autoSubmitted.Contains("auto-replied", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (headers.ContainsKey("x-autoreply") || headers.ContainsKey("x-autorespond"))
        {
            return true;
        }

        return headers.TryGetValue("precedence", out var precedence) && precedence.Contains("auto_reply", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A note between colleagues: every recipient shares the sender's domain.</summary>
    private static bool IsInternal(Email email)
    {
        var fromDomain = Domain(email.From?.Address);
        return fromDomain is not null && email.To.Count > 0 && email.To.All(t => Domain(t.Address) == fromDomain);
    }

    private static string? Domain(string? address)
    {
        var at = address?.LastIndexOf('@') ?? -1;
        return at < 0 ? null : address![(at + 1)..].ToLowerInvariant();
    }
}
