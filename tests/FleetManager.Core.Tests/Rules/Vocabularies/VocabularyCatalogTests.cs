using FleetManager.Core.Rules.Vocabularies;

namespace FleetManager.Core.Tests.Rules.Vocabularies;

public sealed class VocabularyCatalogTests
{
    /// <summary>Every EU/EEA language, Turkish, Serbian in both scripts, Ukrainian, Russian, Belarusian, Macedonian, Albanian, Catalan, Luxembourgish, Basque, Galician and Welsh.</summary>
    private static readonly string[] Codes =
    [
        "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "is", "it", "lt", "lv", "mt", "nl",
        "no", "pl", "pt", "ro", "sk", "sl", "sv", "tr", "sr", "sr-Cyrl", "uk", "ru", "be", "mk", "sq", "ca", "lb", "eu", "gl", "cy",
    ];

    public static readonly TheoryData<string> ExpectedLanguages = new(Codes);

    [Theory]
    [MemberData(nameof(ExpectedLanguages))]
    public void Languages_EveryExpectedLanguage_DefinesEveryRequiredKey(string code)
    {
        var language = Assert.Single(VocabularyCatalog.Languages, l => l.Code == code);
        var missing = VocabularyKeys.Required.Where(key => language.Words(key).Count == 0).ToList();
        Assert.True(missing.Count == 0, $"{code} lacks: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Languages_EveryFile_HasANameAndOnlyKnownKeys()
    {
        Assert.Equal(Codes.Order(StringComparer.Ordinal), VocabularyCatalog.Languages.Select(l => l.Code).Order(StringComparer.Ordinal));
        foreach (var language in VocabularyCatalog.Languages)
        {
            Assert.False(string.IsNullOrWhiteSpace(language.Name));
            Assert.All(language.Entries.Keys, key => Assert.True(VocabularyKeys.IsKnown(key), $"{language.Code}: {key}"));
        }
    }

    [Fact]
    public void Languages_NoWord_IsEmptyOrPadded()
    {
        foreach (var language in VocabularyCatalog.Languages)
        {
            foreach (var (key, words) in language.Entries)
            {
                Assert.All(words, w => Assert.True(w.Length > 0 && w == w.Trim(), $"{language.Code} {key}: \"{w}\""));
            }
        }
    }

    [Fact]
    public void Parse_LineFormat_ReadsHeaderAndRepeatedKeys()
    {
        var language = VocabularyFile.Parse("""
            # a comment
            language: xx
            name: Example
            stop.loading: alpha, beta gamma
            stop.loading: delta
            """, "xx.txt");

        Assert.Equal("xx", language.Code);
        Assert.Equal("Example", language.Name);
        Assert.Equal(["alpha", "beta gamma", "delta"], language.Words("stop.loading"));
        Assert.Empty(language.Words("stop.unloading"));
    }

    [Fact]
    public void Parse_UnknownKey_ThrowsNamingTheLine()
    {
        var error = Assert.Throws<InvalidDataException>(() => VocabularyFile.Parse("language: xx\nstop.lodaing: alpha\n", "xx.txt"));
        Assert.Contains("xx.txt:2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoLanguageLine_Throws()
        => Assert.Throws<InvalidDataException>(() => VocabularyFile.Parse("stop.loading: alpha\n", "xx.txt"));
}
