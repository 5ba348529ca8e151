namespace FleetManager.Core.Rules.Fields;

/// <summary>
/// One "label: value" pair found in a block: a line such as <c>Gewicht: 24.000 kg</c>, an HTML
/// table row (<c>Order number    TO-2026-20931</c>) or a cell of a delimited load list under its
/// header. <see cref="Label"/> is folded (lower case, no diacritics); offsets point into the document text.
/// </summary>
public readonly record struct LabelledField(string Label, int ValueStart, int ValueEnd, int LineStart, int LineEnd)
{
    public int ValueLength => ValueEnd - ValueStart;

    /// <summary>True when the label is one of <paramref name="stems"/> as a whole word (the stem, then its end or a non-letter).</summary>
    public bool LabelIsWordOf(IReadOnlyList<string> stems)
    {
        if (stems is LabelStems indexed)
        {
            return indexed.AnyIsFirstWordOf(Label);
        }

        for (var i = 0; i < stems.Count; i++)
        {
            if (LabelStems.IsFirstWord(stems[i], Label))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the folded label starts with one of <paramref name="stems"/>.</summary>
    public bool LabelStartsWith(IReadOnlyList<string> stems)
    {
        if (stems is LabelStems indexed)
        {
            return indexed.AnyIsPrefixOf(Label);
        }

        for (var i = 0; i < stems.Count; i++)
        {
            if (Label.StartsWith(stems[i], StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the folded label contains one of <paramref name="words"/>.</summary>
    public bool LabelContains(IReadOnlyList<string> words)
    {
        foreach (var word in words)
        {
            if (Label.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
