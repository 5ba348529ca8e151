using FleetManager.Core.Rules.Vocabularies;
using FleetManager.Core.Text;

namespace FleetManager.Core.Tests.Rules.Vocabularies;

public sealed class PhraseSetTests
{
    [Fact]
    public void IsInText_PhraseWithDiacritics_MatchesFoldedText()
        => Assert.True(new PhraseSet(["nav bīstama krava"]).IsInText("Krava: NAV BĪSTAMA KRAVA, 12 paletes"));

    [Fact]
    public void IsInText_PhraseInsideALongerWord_DoesNotMatch()
        => Assert.False(new PhraseSet(["adr"]).IsInText("Adresse: Hauptstraße 1"));

    [Theory]
    [InlineData("  accuse de reception : votre offre", true)]
    [InlineData("auftrag 4711 - bitte um accuse de reception", false)]
    [InlineData("accuse de receptions", false)]
    [InlineData("", false)]
    public void Opens_PhraseOnlyAtTheStartAsAWholeWord(string foldedText, bool expected)
        => Assert.Equal(expected, new PhraseSet(["accusé de réception"]).Opens(foldedText));

    [Fact]
    public void Opens_EmptySet_IsFalse() => Assert.False(new PhraseSet([]).Opens("anything"));

    [Fact]
    public void Find_SecondOccurrenceIsAWholeWord_ReturnsIt()
    {
        var set = new PhraseSet(["kyl"]);
        var index = set.Find("kylbil kyl", out var length);
        Assert.Equal(7, index);
        Assert.Equal(3, length);
    }

    [Fact]
    public void IsInText_TextWithEmoji_DoesNotThrow()
        => Assert.True(new PhraseSet(["lastning"]).IsInText("🚚 Lastning: Borås 🙂"));
    [Fact]
    public void Find_ShortPhrasesInsideWordsBeforeAWholeWord_FindsTheWholeWord()
    {
        // "re" and "i" occur inside most words; the search skips the rest of such a word.
        var set = new PhraseSet(["re", "i", "fw"]);
        var index = set.Find("referenz preis fwd hier re: i", out var length);
        Assert.Equal(24, index);
        Assert.Equal(2, length);
    }

    [Fact]
    public void Find_AsciiAndGreekPhrases_ReturnsTheEarliestOfEither()
    {
        // The ASCII and the non-ASCII phrases are searched apart; the earlier candidate wins either way.
        var set = new PhraseSet(["φόρτωση", "loading"]);
        Assert.Equal(0, set.Find(TextFold.Fold("Φόρτωση: Αθήνα, loading 08:00"), out var greekFirst));
        Assert.Equal(7, greekFirst);
        Assert.Equal(5, set.Find(TextFold.Fold("Ώρα: loading, φόρτωση"), out var asciiFirst));
        Assert.Equal(7, asciiFirst);
    }

    [Fact]
    public void Find_NonAsciiPhraseStartingWithAsciiLetters_FoundInText()
        => Assert.Equal(5, new PhraseSet(["yükleme"]).Find(TextFold.Fold("Ref. yükleme tarihi"), out _));

    [Fact]
    public void Find_NonAsciiPhraseInAsciiText_NotFound()
        => Assert.Equal(-1, new PhraseSet(["φόρτωση", "μεταφορά"]).Find("loading in athens", out _));

    [Fact]
    public void Find_EveryVocabularyKeyOverTheDevCorpora_SameAsTryingEveryPosition()
    {
        string[] corpora = ["dev", "dev2"];
        var texts = corpora.Select(CorpusLocator.Corpus).OfType<string>()
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*.eml")).Select(f => TextFold.Fold(File.ReadAllText(f))).ToList();
        Assert.NotEmpty(texts);
        foreach (var key in VocabularyKeys.Required.Concat(VocabularyKeys.Optional))
        {
            var phrases = VocabularyCatalog.Words(key).Select(w => TextFold.Fold(w.Word).Trim()).Where(p => p.Length > 0).Distinct().ToArray();
            if (phrases.Length == 0)
            {
                continue;
            }

            var set = new PhraseSet(phrases);
            foreach (var text in texts)
            {
                var index = set.Find(text, out var length);
                var (expectedIndex, expectedLength) = EveryPosition(phrases, text);
                Assert.True((expectedIndex, expectedLength) == (index, length), $"{key}: {index}/{length}, expected {expectedIndex}/{expectedLength}");
            }
        }
    }

    /// <summary>The first whole-word phrase found by trying every position, the longest at a position first.</summary>
    private static (int Index, int Length) EveryPosition(string[] phrases, string text)
    {
        var byFirst = phrases.GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Length).ToArray());
        for (var at = 0; at < text.Length; at++)
        {
            if ((at > 0 && char.IsLetterOrDigit(text[at - 1])) || !byFirst.TryGetValue(text[at], out var candidates))
            {
                continue;
            }

            foreach (var phrase in candidates)
            {
                var end = at + phrase.Length;
                if (string.CompareOrdinal(text, at, phrase, 0, phrase.Length) == 0 && end <= text.Length && (end == text.Length || !char.IsLetterOrDigit(text[end])))
                {
                    return (at, phrase.Length);
                }
            }
        }

        return (-1, 0);
    }

    [Fact]
    public void Matches_ManyPhrasesOfEveryLength_AreTheWholeWordPhrasesLeftToRight()
    {
        // More phrases than one vectorized search holds, one-character ones and non-ASCII ones: the searches split apart
        // must still give the leftmost whole-word phrase, the longest one there.
        string[] phrases = [.. Enumerable.Range(0, 3 * PhraseSet.PhrasesPerSearch).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)), "i", "&", "ab", "abc", "abcd", "łódź", "π"];
        var text = TextFold.Fold("xw12 w150 i & abcd ab abcde Łódź w7i π w191 zz");

        var matches = new PhraseSet(phrases).Matches(text).ToList();

        Assert.Equal(NaiveMatches([.. phrases.Select(p => TextFold.Fold(p))], text), matches);
        Assert.Equal(8, matches.Count);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("dev2")]
    public void Matches_EveryLanguageKeyOverEveryCorpusText_AreTheWholeWordPhrasesLeftToRight(string corpus)
    {
        string[] texts = [.. CorpusLocator.RulesTexts(corpus).Select(text => TextFold.Fold(text))];
        var keys = VocabularyCatalog.Languages.SelectMany(l => l.Entries.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var found = 0;
        foreach (var key in keys)
        {
            var phrases = VocabularyCatalog.Folded(key).Select(p => p.Trim()).Where(p => p.Length > 0).ToArray();
            var set = new PhraseSet(phrases);
            foreach (var text in texts)
            {
                var expected = NaiveMatches(phrases, text);
                Assert.Equal(expected, set.Matches(text));
                found += expected.Count;
            }
        }

        Assert.True(found > 1000, $"only {found} phrases found: the comparison proved little");
    }

    /// <summary>
    /// What <see cref="PhraseSet.Matches"/> means, the slow way: at each place no letter or digit precedes, the longest
    /// phrase that starts there and is not followed by a letter or digit; the next search after it.
    /// </summary>
    private static List<(int Index, int Length)> NaiveMatches(string[] phrases, string text)
    {
        var longestFirst = phrases.Distinct(StringComparer.Ordinal).OrderByDescending(p => p.Length).ToArray();
        var matches = new List<(int, int)>();
        for (var at = 0; at < text.Length; at++)
        {
            if (at > 0 && char.IsLetterOrDigit(text[at - 1]))
            {
                continue;
            }

            foreach (var phrase in longestFirst)
            {
                var end = at + phrase.Length;
                if (text.AsSpan(at).StartsWith(phrase, StringComparison.Ordinal) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
                {
                    matches.Add((at, phrase.Length));
                    at = end - 1;
                    break;
                }
            }
        }

        return matches;
    }
}
