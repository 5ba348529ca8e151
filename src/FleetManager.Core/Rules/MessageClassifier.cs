// Why one file of ~480 lines: classification is one score (order vs invoice vs other) built from evidence that
// interacts — an invoice word in a reply chain, a load-list header, a newsletter footer, an automatic reply — and
// the bounds of that score (ScoreRange) let it stop as soon as the answer cannot change. The helpers below each
// count one kind of evidence for that score and are used nowhere else.
using System.Buffers;
using FleetManager.Core.Model;
using FleetManager.Core.Rules.Classifying;
using FleetManager.Core.Rules.Vocabularies;
using FleetManager.Core.Text;
using P = FleetManager.Core.Rules.Classifying.ClassificationPrechecks;
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
public static class MessageClassifier
{
    /// <summary>Order evidence needed to call a message an order.</summary>
    private const int OrderThreshold = 7;

    /// <summary>Billing evidence needed to call a message an invoice.</summary>
    private const int InvoiceThreshold = 6;

    public static Classification Classify(RulesDocument document)
    {
        var email = document.Email;
        var subject = email.Subject ?? "";
        if (IsAutomaticReply(email.Headers))
        {
            return Classification.Other;
        }

        VocabularyMatchers.SubjectPrefixes(subject, out var dataReply, out var dataForward);
        var isForward = email.IsForward || dataForward || V.ForwardPrefix().IsMatch(subject);
        var isReply = !isForward && (dataReply || V.ReplyPrefix().IsMatch(subject));
        var subjectCore = V.ReplyPrefix().Replace(V.ForwardPrefix().Replace(subject, ""), "");
        var foldedSubject = TextFold.Fold(subjectCore);
        // The rewritten body: a table aligned with spaces counts as the load list it is.
        var body = document.Body;
        var newBody = isReply ? body[..ReplyText.NewTextLength(body)] : body;
        var attachmentText = string.Join("\n\n", email.Attachments.Select(a => a.Text).Where(t => !string.IsNullOrWhiteSpace(t)));
        var attachmentNames = string.Join(" ", email.Attachments.Select(a => a.FileName ?? ""));
        var content = attachmentText.Length == 0 ? newBody : newBody + "\n\n" + attachmentText;

        // Each body pattern below runs only where its pre-check finds one of the words every match holds.
        if (V.AutoReply().IsMatch(subject) || VocabularyMatchers.OutOfOffice.IsIn(TextFold.Fold(subject))
            || (newBody.Length < 1500 && ((P.AutoReplyBody.MayMatch(newBody) && V.AutoReplyBody().IsMatch(newBody))
                || VocabularyMatchers.OutOfOfficePhrases.IsInText(newBody))))
        {
            return Classification.Other;
        }

        if (V.CalendarInvite().IsMatch(subjectCore) || (P.CalendarInvite.MayMatch(newBody) && V.CalendarInvite().IsMatch(newBody))
            || email.Attachments.Any(a => a.ContentType.Contains("calendar", StringComparison.OrdinalIgnoreCase)
                || (a.FileName?.EndsWith(".ics", StringComparison.OrdinalIgnoreCase) ?? false)))
        {
            return Classification.Other;
        }

        if (V.Phishing().IsMatch(subject) || (P.Phishing.MayMatch(newBody) && V.Phishing().IsMatch(newBody))
            || V.JobApplication().IsMatch(subjectCore) || V.Cancellation().IsMatch(subjectCore)
            || VocabularyMatchers.Cancellation.IsIn(foldedSubject) || OpensWithCancellation(newBody)
            || OpensWithReceipt(foldedSubject))
        {
            return Classification.Other;
        }

        // Sea and air freight is not road transport, whatever lane it names: two of its terms (LCL,
        // port of loading, air waybill ...) settle it.
        var foldedContent = TextFold.Fold(content);
        if (VocabularyMatchers.DistinctIn(VocabularyMatchers.SeaAir, foldedContent, 2) >= 2)
        {
            return Classification.Other;
        }

        // Only whether there is a loading and an unloading line counts (not how many), and only whether
        // there are two digest lanes, so the scans stop at the first line and the second lane.
        var hasLoadingLine = V.LoadingLine().IsMatch(content) || StopLines.Has(content, loading: true);
        var hasUnloadingLine = V.UnloadingLine().IsMatch(content) || StopLines.Has(content, loading: false);
        // Prose ("loading is on Tuesday at … 8700 Horsens") counts where there are no stop lines.
        if (!hasLoadingLine || !hasUnloadingLine)
        {
            var proseLoading = hasLoadingLine || StopLines.HasInProse(newBody, loading: true);
            var proseUnloading = hasUnloadingLine || StopLines.HasInProse(newBody, loading: false);
            (hasLoadingLine, hasUnloadingLine) = proseLoading && proseUnloading ? (true, true) : (hasLoadingLine, hasUnloadingLine);
        }

        // Cheap exact pre-filters: every digest lane has an arrow (all its arrows contain '>', '→' or
        // '»'), and a load-list header needs cell separators; most messages have neither, and these
        // line-anchored patterns are costly to run over a whole message for nothing.
        var digestLanes = newBody.AsSpan().IndexOfAny('>', '→', '»') < 0 ? 0 : CountUpTo(V.DigestLane().EnumerateMatches(newBody), 2);
        var loadList = content.AsSpan().IndexOfAny(';', '\t', '|') >= 0 && (HasLoadListHeader(content) || StopLines.HasLoadListHeader(content));
        // A CSV plan with comma-separated cells, or a long list (one row per stop) whose columns only
        // their content explains: the table reader decides, on the attachments only.
        loadList = loadList || (document.AttachmentStarts.Count > 0
            && Stops.LoadListTable.Find(document.Text, document.AttachmentStarts[0], document.Text.Length, document.AttachmentStarts[0]) is not null);

        if ((!hasLoadingLine || !hasUnloadingLine) && digestLanes < 2 && !loadList)
        {
            // A reply is judged by its own text: without a new lane it only confirms, chases or answers.
            if (isReply)
            {
                return Classification.Other;
            }

            // Mail in a language no vocabulary file has: its stop labels are unknown, but its two places are not. A
            // route of two places the gazetteer confirms stands for the loading and unloading lines.
            if (PlaceRoute.In(document))
            {
                (hasLoadingLine, hasUnloadingLine) = (true, true);
            }
        }

        // Scored evidence. The cheap terms (subject, headers, what is already known) are added now; the
        // costly scans of the content run one at a time, each narrowing the range the two scores can
        // still end in, and stop as soon as every score in that range gives the same answer.
        var order = 0;
        order += V.OrderSubject().IsMatch(subjectCore) || VocabularyMatchers.OrderWords.IsIn(foldedSubject) || VocabularyMatchers.QuoteRequest.IsIn(foldedSubject) ? 2 : 0;
        order += V.Lane().IsMatch(subjectCore) ? 2 : 0;
        order += hasLoadingLine ? 2 : 0;
        order += hasUnloadingLine ? 2 : 0;
        order += digestLanes >= 2 ? 4 : 0;
        order += loadList ? 4 : 0;
        if (isReply && RepliesToAnOrder(newBody))
        {
            order -= 2;
        }

        // A newsletter loses 6 unless it is a freight-exchange digest; the headers can settle it.
        var newsletterPending = false;
        // Concrete loads (a loading and an unloading line) outweigh bulk-mail headers: freight-exchange
        // alerts are sent as bulk mail.
        if (digestLanes < 2 && !(hasLoadingLine && hasUnloadingLine))
        {
            if (email.Headers.ContainsKey("list-unsubscribe") || email.Headers.ContainsKey("list-id"))
            {
                order -= NewsletterPenalty;
            }
            else
            {
                newsletterPending = true;
            }
        }

        if (V.StatusSubject().IsMatch(subjectCore) || VocabularyMatchers.Tracking.IsIn(foldedSubject))
        {
            order -= 5;
        }

        if (!isForward && Fields.ForwardedSender.IsInternal(email))
        {
            order -= 4;
        }

        // A question about a bill is correspondence, not the bill: no billing evidence counts.
        var invoiceQuestion = V.QuestionSubject().IsMatch(subjectCore);
        var invoice = 0;
        if (!invoiceQuestion)
        {
            invoice += V.InvoiceWord().IsMatch(subjectCore) || VocabularyMatchers.Invoice.IsIn(foldedSubject) ? 6 : 0;
            invoice += V.InvoiceWord().IsMatch(attachmentNames) ? 3 : 0;
        }

        var range = new ScoreRange(
            order - (newsletterPending ? NewsletterPenalty : 0),
            order + ContentTermsMax,
            invoice,
            invoice + (invoiceQuestion ? 0 : MaxInvoiceWords + MaxStructureWords));
        for (var step = 0; ; step++)
        {
            if (range.Decided() is { } decided)
            {
                return decided;
            }

            switch (step)
            {
                case 0:
                    if (newsletterPending)
                    {
                        range.SettleOrderPenalty(P.Newsletter.MayMatch(newBody) && V.Newsletter().IsMatch(newBody), NewsletterPenalty);
                    }

                    break;
                case 1:
                    if (!invoiceQuestion)
                    {
                        var words = InvoiceWordsUpTo(newBody, MaxInvoiceWords);
                        range.SettleInvoice(words, MaxInvoiceWords);
                    }

                    break;
                case 2:
                    range.SettleOrderBonus(V.CargoQuantity().IsMatch(content), 2);
                    break;
                case 3:
                    range.SettleOrderBonus(V.PriceMention().IsMatch(content), 1);
                    break;
                case 4:
                    range.SettleOrderBonus(V.VehicleWord().IsMatch(content), 1);
                    break;
                case 5:
                    range.SettleOrderBonus(V.DateWord().IsMatch(content), 1);
                    break;
                case 6:
                    if (!invoiceQuestion)
                    {
                        range.SettleInvoice(DistinctStructureWords(newBody, attachmentText, foldedContent), MaxStructureWords);
                    }

                    break;
                default:
                    // Every term is settled by now, so both scores are exact and the range decides.
                    throw new System.Diagnostics.UnreachableException();
            }
        }
    }

    /// <summary>What a newsletter (without digest lanes) loses from the order score.</summary>
    private const int NewsletterPenalty = 6;

    /// <summary>The most the content terms add to the order score: cargo quantity 2, price, vehicle and date 1 each.</summary>
    private const int ContentTermsMax = 5;

    /// <summary>Invoice words in the body that count towards the invoice score.</summary>
    private const int MaxInvoiceWords = 2;

    /// <summary>Distinct billing-structure words that count towards the invoice score.</summary>
    private const int MaxStructureWords = 5;

    /// <summary>
    /// The distinct billing-structure words (case-insensitively) of the body and then the attachments,
    /// counting only the first five, so the scan stops there instead of running over the rest of a
    /// long statement.
    /// </summary>
    /// <param name="foldedContent">The body and attachments folded, as the sea/air check above already made them.</param>
    private static int DistinctStructureWords(string body, string attachmentText, string foldedContent)
    {
        var found = new List<string>(MaxStructureWords);
        if (!AddStructureWords(body, found))
        {
            AddStructureWords(attachmentText, found);
        }

        // The billing words of the language files ("tvsh", "maksetähtaeg"), for the languages the pattern lacks.
        if (found.Count < MaxStructureWords && VocabularyMatchers.Billing.Count > 0)
        {
            return found.Count + VocabularyMatchers.DistinctIn(VocabularyMatchers.Billing, foldedContent, MaxStructureWords - found.Count);
        }

        return found.Count;
    }

    /// <summary>Adds the new distinct structure words of <paramref name="text"/>; true when the count is full.</summary>
    private static bool AddStructureWords(string text, List<string> found)
    {
        foreach (var match in V.InvoiceStructure().EnumerateMatches(text))
        {
            var word = text.AsSpan(match.Index, match.Length);
            if (!Contains(found, word))
            {
                found.Add(word.ToString());
                if (found.Count == MaxStructureWords)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Contains(List<string> found, ReadOnlySpan<char> word)
    {
        foreach (var f in found)
        {
            if (word.Equals(f, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a line of <paramref name="content"/> is a load-list header: <see cref="V.LoadListHeader"/>
    /// run on the lines that can hold one. The pattern is line-anchored and never reads across a line
    /// break, so it matches the whole text exactly when it matches one of its lines (split at "\n", so
    /// "$" still falls where it did); and every match holds four cell separators (";", tab, "|").
    /// Running it on those few lines spares its two look-aheads at every line of the message.
    /// </summary>
    private static bool HasLoadListHeader(string content)
    {
        var rest = content.AsSpan();
        while (true)
        {
            var end = rest.IndexOf('\n');
            var line = end < 0 ? rest : rest[..end];
            if (HasFourSeparators(line) && V.LoadListHeader().IsMatch(line))
            {
                return true;
            }

            if (end < 0)
            {
                return false;
            }

            rest = rest[(end + 1)..];
        }
    }

    private static bool HasFourSeparators(ReadOnlySpan<char> line)
    {
        var found = 0;
        for (var i = line.IndexOfAny(';', '\t', '|'); i >= 0; i = line.IndexOfAny(';', '\t', '|'))
        {
            if (++found == 4)
            {
                return true;
            }

            line = line[(i + 1)..];
        }

        return false;
    }

    /// <summary>The words and anchor letters of <see cref="P.InvoiceWord"/>, searched for where they are.</summary>
    private static readonly SearchValues<string> InvoiceKeywords = SearchValues.Create([.. P.InvoiceWord.Words], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<char> InvoiceAnchors = SearchValues.Create(P.InvoiceWord.Anchors);

    /// <summary>
    /// The number of <see cref="V.InvoiceWord"/> matches in <paramref name="body"/>, counting up to
    /// <paramref name="limit"/>: the same as enumerating them, but each search for the next match starts
    /// near the next pre-check word rather than at the previous match's end. Why that is exact: every
    /// match holds a pre-check word or anchor letter, and everything a match holds before that word is
    /// letters and white space (the vocabulary's words and "\s+" between them; "\w*" only ever follows
    /// the word). So no match can start before the run of letters and white space that leads up to the
    /// first pre-check word, and the search can start there. Bodies without invoice words (most orders)
    /// are only searched by the vectorized pre-check.
    /// </summary>
    private static int InvoiceWordsUpTo(string body, int limit)
    {
        var count = 0;
        var from = 0;
        while (count < limit)
        {
            var hit = FirstInvoiceKeyword(body.AsSpan(from));
            if (hit < 0)
            {
                break;
            }

            var start = from + hit;
            while (start > from && (char.IsLetter(body[start - 1]) || char.IsWhiteSpace(body[start - 1])))
            {
                start--;
            }

            var match = V.InvoiceWord().Match(body, start);
            if (!match.Success)
            {
                break;
            }

            count++;
            from = match.Index + match.Length;
        }

        return count;
    }

    /// <summary>The index of the first pre-check word or anchor letter of <see cref="P.InvoiceWord"/> in <paramref name="text"/>, or -1.</summary>
    private static int FirstInvoiceKeyword(ReadOnlySpan<char> text)
    {
        var word = text.IndexOfAny(InvoiceKeywords);
        var anchor = (word < 0 ? text : text[..word]).IndexOfAny(InvoiceAnchors);
        return anchor >= 0 ? anchor : word;
    }

    /// <summary>The most of a body's start that is its opening: the greeting and the sentence that says what the message is about.</summary>
    private const int OpeningLength = 300;

    /// <summary>
    /// A message that opens by cancelling ("bitte den Auftrag AL-4471 nicht mehr ausführen, … storniert") under a subject
    /// that only names the order. Only the opening, before the first stop line or place, counts: an order's terms after its
    /// stops may mention cancellation ("Eine Stornierung ist bis 24 Stunden vorher kostenfrei"). A bill
    /// that cancels another ("nota di credito … a storno parziale della ns. fattura") stays a bill.
    /// </summary>
    private static bool OpensWithCancellation(string body)
    {
        // Most messages have no cancellation word in their first characters: the line walk is for those that do.
        if (!HasCancellationWord(body.Length > OpeningLength ? body[..OpeningLength] : body))
        {
            return false;
        }

        var opening = Opening(body);
        return HasCancellationWord(opening) && !V.InvoiceWord().IsMatch(opening) && !VocabularyMatchers.Invoice.IsInText(opening);
    }

    /// <summary>
    /// Whether the subject opens with the title of an acknowledgement of receipt ("Accusé de réception : votre offre …",
    /// "Empfangsbestätigung: Auftrag 4711"): such a message says that another arrived, whatever lane it repeats. Only the
    /// opening counts: an order may ask for one ("Auftrag 4711 – bitte um Empfangsbestätigung").
    /// </summary>
    private static bool OpensWithReceipt(string foldedSubject) => VocabularyMatchers.Receipt.Opens(foldedSubject);

    private static bool HasCancellationWord(string text) => V.Cancellation().IsMatch(text) || VocabularyMatchers.Cancellation.IsInText(text);

    /// <summary>The body up to its first stop line or place, and at most <see cref="OpeningLength"/> characters.</summary>
    private static string Opening(string body)
    {
        var end = Math.Min(body.Length, OpeningLength);
        for (var lineStart = 0; lineStart < end;)
        {
            var lineEnd = body.IndexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? body.Length : lineEnd;
            var line = body[lineStart..lineEnd];
            if (Stops.LineLabel.Read(line) is { Kind: not Stops.StopLabelKind.Other } || Stops.PostalPlaceParser.FindAll(line).Count > 0)
            {
                return body[..lineStart];
            }

            lineStart = lineEnd + 1;
        }

        return body[..end];
    }

    /// <summary>
    /// Whether a reply's own text answers an order (thanks, a confirmation, the driver's plates) rather than placing one. A
    /// reply that names both stops in its own lines ("Thanks for the rates. Please book: Collection: … Delivery: …") places
    /// a new order, unless it says it confirms.
    /// </summary>
    private static bool RepliesToAnOrder(string newBody)
    {
        if (VocabularyMatchers.Confirmation.IsInText(newBody))
        {
            return true;
        }

        if (!V.ReplyAcknowledgement().IsMatch(newBody))
        {
            return false;
        }

        var ownStops = (V.LoadingLine().IsMatch(newBody) || StopLines.Has(newBody, loading: true))
            && (V.UnloadingLine().IsMatch(newBody) || StopLines.Has(newBody, loading: false));
        return !ownStops;
    }

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

    /// <summary>
    /// The range the order and invoice scores can still end in while some terms are unsettled, and the
    /// answer when every pair of scores in it gives the same one.
    /// </summary>
    private struct ScoreRange(int orderMin, int orderMax, int invoiceMin, int invoiceMax)
    {
        /// <summary>The settled answer, or null while scores in the range still give different answers.</summary>
        /// <remarks>
        /// The final rule: an invoice when invoice &gt;= InvoiceThreshold and invoice &gt;= order - 2, else an
        /// order when order &gt;= OrderThreshold, else an invoice when invoice &gt;= InvoiceThreshold, else other.
        /// The last branch can never be taken (an order score below the threshold makes the first hold
        /// whenever invoice reaches its threshold), so it is left out here.
        /// </remarks>
        public readonly Classification? Decided()
        {
            if (invoiceMin >= InvoiceThreshold && invoiceMin >= orderMax - 2)
            {
                return Classification.Invoice;
            }

            var neverInvoice = invoiceMax < InvoiceThreshold || invoiceMax < orderMin - 2;
            if (neverInvoice && orderMin >= OrderThreshold)
            {
                return Classification.Order;
            }

            if (neverInvoice && orderMax < OrderThreshold)
            {
                return Classification.Other;
            }

            return null;
        }

        /// <summary>Settles an order term that adds <paramref name="points"/> when it <paramref name="applies"/>.</summary>
        public void SettleOrderBonus(bool applies, int points)
        {
            if (applies)
            {
                orderMin += points;
            }
            else
            {
                orderMax -= points;
            }
        }

        /// <summary>Settles an order term that takes <paramref name="points"/> away when it <paramref name="applies"/>.</summary>
        public void SettleOrderPenalty(bool applies, int points)
        {
            if (applies)
            {
                orderMax -= points;
            }
            else
            {
                orderMin += points;
            }
        }

        /// <summary>Settles an invoice term that scored <paramref name="points"/> of at most <paramref name="max"/>.</summary>
        public void SettleInvoice(int points, int max)
        {
            invoiceMin += points;
            invoiceMax -= max - points;
        }
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
}
