using System.Buffers;

namespace FleetManager.Core.Rules.Fields;

/// <summary>
/// Cheap tests that tell when a pattern cannot match, so the field readers skip running it. Each
/// test looks for text every match of the pattern must contain (a keyword, a symbol); it never
/// decides a match, only rules one out, so results are the same as running the pattern.
/// </summary>
internal static class KeywordPrecheck
{
    /// <summary>
    /// Characters that a case-insensitive regex treats as an ASCII or common letter but an ordinal
    /// case-insensitive search may not (Kelvin sign ≈ k, long s ≈ s, Ångström sign ≈ å, dotted and
    /// dotless i, capital sharp s, micro sign). When one occurs, the keyword test answers "may match".
    /// </summary>
    private static readonly SearchValues<char> OddCaseLetters = SearchValues.Create("\u212A\u017F\u212B\u0130\u0131\u1E9E\u1E9B\u00B5");

    /// <summary>
    /// Keywords for a case-insensitive pattern: true when <paramref name="text"/> contains one of
    /// <paramref name="keywords"/> (ordinal, ignoring case) or a letter whose case folding differs.
    /// </summary>
    public static bool MayContain(ReadOnlySpan<char> text, SearchValues<string> keywords)
        => text.ContainsAny(keywords) || text.ContainsAny(OddCaseLetters);

    /// <summary>Creates keywords for <see cref="MayContain"/>, compared ordinally ignoring case.</summary>
    public static SearchValues<string> Keywords(params string[] keywords)
        => SearchValues.Create(keywords, StringComparison.OrdinalIgnoreCase);
}
