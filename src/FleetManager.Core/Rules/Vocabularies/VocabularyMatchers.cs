using FleetManager.Core.Text;

namespace FleetManager.Core.Rules.Vocabularies;

/// <summary>
/// The phrase sets the classifier and the field readers take from the language files, built once.
/// Each looks for folded phrases as whole words (<see cref="PhraseSet"/>).
/// </summary>
internal static class VocabularyMatchers
{
    public static readonly PhraseSet OutOfOffice = PhraseSet.Of("out_of_office");

    /// <summary>Out-of-office phrases of more than one word: specific enough to trust in a body.</summary>
    public static readonly PhraseSet OutOfOfficePhrases = new(VocabularyCatalog.Words("out_of_office").Select(w => w.Word).Where(w => w.Contains(' ', StringComparison.Ordinal)));

    public static readonly PhraseSet Invoice = PhraseSet.Of("invoice");

    /// <summary>A bill's structure words (its VAT's name, due date, amount to pay) in the languages the classifier's own pattern lacks.</summary>
    public static readonly PhraseSet Billing = PhraseSet.Of("billing");

    /// <summary>A freight exchange's alert wording ("uus veopakkumine", "nye laster") in the languages the request-type pattern lacks.</summary>
    public static readonly PhraseSet ExchangeNotice = PhraseSet.Of("exchange.notice");

    /// <summary>The labels of a freight exchange's entries ("pakkuja", "veose id", "utlagd av").</summary>
    public static readonly PhraseSet ExchangeEntry = PhraseSet.Of("exchange.entry");

    public static readonly PhraseSet Cancellation = PhraseSet.Of("cancellation");

    /// <summary>The titles of an acknowledgement of receipt ("accusé de réception", "Empfangsbestätigung").</summary>
    public static readonly PhraseSet Receipt = PhraseSet.Of("receipt");

    public static readonly PhraseSet Confirmation = PhraseSet.Of("confirmation");

    public static readonly PhraseSet Tracking = PhraseSet.Of("tracking");

    public static readonly PhraseSet SeaAir = PhraseSet.Of("sea_air");

    public static readonly PhraseSet AdrNegation = PhraseSet.Of("adr.negation");

    public static readonly PhraseSet AdrDangerous = PhraseSet.Of("adr.dangerous");

    public static readonly PhraseSet Yes = PhraseSet.Of("answer.yes");

    public static readonly PhraseSet No = PhraseSet.Of("answer.no");

    public static readonly PhraseSet QuoteRequest = PhraseSet.Of("request.quote");

    /// <summary>A load offered as such, outside a freight exchange's alert ("load available", "freie Ladung").</summary>
    public static readonly PhraseSet LoadOffer = PhraseSet.Of("request.offer");

    /// <summary>Quote-request phrases of more than one word, trusted in a body ("prisförfrågan" alone is one word and trusted too when long).</summary>
    public static readonly PhraseSet QuoteRequestInBody = new(VocabularyCatalog.Words("request.quote").Select(w => w.Word).Where(w => w.Contains(' ', StringComparison.Ordinal) || w.Length >= 9));

    public static readonly PhraseSet OrderWords = PhraseSet.Of("request.order");

    public static readonly PhraseSet Regions = PhraseSet.Of("region");

    /// <summary>The reply prefixes of every language, folded ("re", "aw", "sv", "vs", "ynt", "отг").</summary>
    public static readonly HashSet<string> ReplyPrefixes = [.. VocabularyCatalog.Folded("prefix.reply")];

    /// <summary>The forward prefixes of every language, folded ("fwd", "wg", "vb", "vl", "пересл").</summary>
    public static readonly HashSet<string> ForwardPrefixes = [.. VocabularyCatalog.Folded("prefix.forward")];

    /// <summary>
    /// Reads the subject's leading prefixes ("SV: VB: Re[2]:") with the language files' words; true for
    /// <paramref name="forward"/> when one is a forward prefix, for <paramref name="reply"/> when one is a reply prefix.
    /// </summary>
    public static void SubjectPrefixes(string subject, out bool reply, out bool forward)
    {
        reply = false;
        forward = false;
        var rest = subject.AsSpan().TrimStart();
        while (true)
        {
            var colon = rest.IndexOf(':');
            if (colon <= 0 || colon > 12)
            {
                return;
            }

            var token = rest[..colon].Trim();
            var bracket = token.IndexOf('[');
            if (bracket > 0)
            {
                token = token[..bracket].TrimEnd();
            }

            var folded = TextFold.Fold(token);
            if (ForwardPrefixes.Contains(folded))
            {
                forward = true;
            }
            else if (ReplyPrefixes.Contains(folded))
            {
                reply = true;
            }
            else
            {
                return;
            }

            rest = rest[(colon + 1)..].TrimStart();
        }
    }

    /// <summary>The number of distinct phrases of <paramref name="set"/> in <paramref name="foldedText"/>, counting up to <paramref name="limit"/>.</summary>
    public static int DistinctIn(PhraseSet set, string foldedText, int limit)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var offset = 0;
        while (seen.Count < limit && offset < foldedText.Length)
        {
            var at = set.Find(foldedText.AsSpan(offset), out var length);
            if (at < 0)
            {
                break;
            }

            seen.Add(foldedText.Substring(offset + at, length));
            offset += at + length;
        }

        return seen.Count;
    }
}
