using System.Collections;

namespace FleetManager.Core.Rules.Fields;

/// <summary>
/// A list of folded label stems (<see cref="FieldLabels"/>) that answers "does a label start with one
/// of them" looking only at the stems that begin with the label's first character.
/// </summary>
/// <remarks>
/// Why: every reader asks this for every field of a block, and the weight reader again for every weight
/// phrase's line; trying each of some twenty to forty stems with <see cref="string.StartsWith(string, StringComparison)"/>
/// (through an enumerator allocated per call) added up. An ordinal prefix match needs equal first
/// characters, so grouping the stems by first character gives the same answer.
/// </remarks>
internal sealed class LabelStems : IReadOnlyList<string>
{
    private readonly string[] stems;

    /// <summary>The stems by their first character, for the ASCII first characters.</summary>
    private readonly string[][] byAsciiFirst = new string[128][];

    /// <summary>The stems whose first character is not ASCII.</summary>
    private readonly string[] nonAsciiFirst;

    private readonly bool hasEmptyStem;

    public LabelStems(string[] stems)
    {
        ArgumentNullException.ThrowIfNull(stems);
        this.stems = stems;
        hasEmptyStem = stems.Any(s => s.Length == 0);
        for (var c = 0; c < byAsciiFirst.Length; c++)
        {
            byAsciiFirst[c] = [.. stems.Where(s => s.Length > 0 && s[0] == c)];
        }

        nonAsciiFirst = [.. stems.Where(s => s.Length > 0 && s[0] >= 128)];
    }

    public int Count => stems.Length;

    public string this[int index] => stems[index];

    /// <summary>True when <paramref name="label"/> starts with one of the stems (ordinal).</summary>
    public bool AnyIsPrefixOf(string label)
    {
        if (hasEmptyStem)
        {
            return true;
        }

        if (label.Length == 0)
        {
            return false;
        }

        var first = label[0];
        foreach (var stem in first < 128 ? byAsciiFirst[first] : nonAsciiFirst)
        {
            if (label.StartsWith(stem, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="label"/> is one of the stems as a whole word: the stem and then its end or a non-letter.</summary>
    public bool AnyIsFirstWordOf(string label)
    {
        if (label.Length == 0)
        {
            return false;
        }

        var first = label[0];
        foreach (var stem in first < 128 ? byAsciiFirst[first] : nonAsciiFirst)
        {
            if (IsFirstWord(stem, label))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="label"/> starts with <paramref name="stem"/> as a whole word (then its end or a non-letter).</summary>
    internal static bool IsFirstWord(string stem, string label) =>
        stem.Length > 0 && label.StartsWith(stem, StringComparison.Ordinal) && (label.Length == stem.Length || !char.IsLetter(label[stem.Length]));

    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)stems).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
