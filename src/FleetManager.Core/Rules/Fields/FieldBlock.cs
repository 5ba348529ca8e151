using System.Text;
using System.Text.RegularExpressions;
using FleetManager.Core.Text;

namespace FleetManager.Core.Rules.Fields;

/// <summary>
/// The text of one order block prepared for the field readers: its range in the document and its
/// "label: value" pairs (lines, table rows, cells of a delimited load list under their header).
/// </summary>
public sealed partial class FieldBlock
{
    private FieldBlock(string text, int start, int end, int bodyStart, int attachmentsStart, List<LabelledField> fields)
    {
        Text = text;
        Start = start;
        End = end;
        BodyStart = bodyStart;
        AttachmentsStart = attachmentsStart;
        Fields = fields;
    }

    /// <summary>The whole document text; offsets of this block and its fields point into it.</summary>
    public string Text { get; }

    public int Start { get; }

    public int End { get; }

    /// <summary>Where the body starts in <see cref="Text"/> (the subject comes before it).</summary>
    public int BodyStart { get; }

    /// <summary>Where attachment texts start in <see cref="Text"/> (<see cref="Text"/>.Length when none).</summary>
    public int AttachmentsStart { get; }

    public IReadOnlyList<LabelledField> Fields { get; }

    /// <summary>Where the block's own text starts: its start, or the body's when the block holds the subject line too.</summary>
    public int OwnStart => Math.Max(Start, BodyStart);

    public ReadOnlySpan<char> Span => Text.AsSpan(Start, End - Start);

    public string Value(LabelledField field) => Text.Substring(field.ValueStart, field.ValueLength);

    /// <summary>
    /// <see cref="Text"/> up to <see cref="End"/>: the input of the readers' block-wide patterns (their
    /// look-behinds see the text before the block, their matches end with it). Made once and shared.
    /// </summary>
    internal string TextToEnd => _textToEnd ??= Text[..End];

    private string? _textToEnd;

    /// <summary>
    /// The block folded (<see cref="TextFold.Fold(ReadOnlySpan{char})"/>) for the readers that look for the language
    /// files' folded phrases in it (ADR, references): folding is costly, so it is done once per block and shared.
    /// </summary>
    internal string Folded => _folded ??= TextFold.Fold(Span);

    private string? _folded;

    /// <summary>
    /// The offset in <see cref="Span"/> of the character at <paramref name="foldedIndex"/> of <see cref="Folded"/>:
    /// the same offset when folding kept the length, else counted character by character (a "ß" folds to two).
    /// </summary>
    internal int SpanOffsetOf(int foldedIndex)
    {
        if (Folded.Length == End - Start)
        {
            return foldedIndex;
        }

        var span = Span;
        var folded = 0;
        for (var i = 0; i < span.Length; i++)
        {
            if (folded >= foldedIndex)
            {
                return i;
            }

            folded += TextFold.Fold(span.Slice(i, 1)).Length;
        }

        return span.Length;
    }

    /// <summary>Reads the block <paramref name="start"/>..<paramref name="end"/> of <paramref name="text"/>.</summary>
    public static FieldBlock Create(string text, int start, int end, int bodyStart = 0, int attachmentsStart = -1)
    {
        var fields = new List<LabelledField>();
        var tables = DelimitedHeadersOf(text);
        var lineStart = start;
        while (lineStart < end)
        {
            var lineEnd = text.IndexOf('\n', lineStart, end - lineStart);
            if (lineEnd < 0)
            {
                lineEnd = end;
            }

            AddLine(text, lineStart, lineEnd, tables, fields);
            lineStart = lineEnd + 1;
        }

        return new FieldBlock(text, start, end, bodyStart, attachmentsStart < 0 ? text.Length : attachmentsStart, fields);
    }

    private static void AddLine(string text, int lineStart, int lineEnd, List<DelimitedHeader> tables, List<LabelledField> fields)
    {
        var line = text.AsSpan(lineStart, lineEnd - lineStart);
        foreach (var header in tables)
        {
            if (header.LineStart != lineStart && line.Count(header.Separator) >= header.Labels.Count - 1 && lineStart > header.LineStart)
            {
                var cell = 0;
                var cellStart = lineStart;
                for (var i = lineStart; i <= lineEnd; i++)
                {
                    if (i == lineEnd || text[i] == header.Separator)
                    {
                        if (cell < header.Labels.Count)
                        {
                            var (s, e) = TrimRange(text, cellStart, i);
                            if (e > s)
                            {
                                fields.Add(new LabelledField(header.Labels[cell], s, e, lineStart, lineEnd));
                            }
                        }

                        cell++;
                        cellStart = i + 1;
                    }
                }

                return;
            }
        }

        if (!HasLabelSeparator(line))
        {
            return;
        }

        var match = LabelValueLine().Match(text, lineStart, lineEnd - lineStart);
        if (match.Success)
        {
            var label = FoldLabel(match.Groups[LabelValueLineLabel].ValueSpan.Trim()).Trim();
            var value = match.Groups[LabelValueLineValue];
            var valueStart = value.Index;
            var valueEnd = value.Index + value.Length;

            // Several "Label: value" pairs on one line, set apart by wide gaps ("Gewicht: 6.200 kg     Lademeter: 13,6").
            // Every inline label ends in ':', so a value without one holds none.
            var next = text.AsSpan(valueStart, valueEnd - valueStart).Contains(':') ? InlineLabel().Match(text, valueStart, valueEnd - valueStart) : Match.Empty;
            while (next.Success)
            {
                AddField(text, label, valueStart, next.Index, lineStart, lineEnd, fields);
                label = FoldLabel(next.Groups[InlineLabelLabel].ValueSpan.Trim()).Trim();
                valueStart = next.Index + next.Length;
                next = InlineLabel().Match(text, valueStart, valueEnd - valueStart);
            }

            AddField(text, label, valueStart, valueEnd, lineStart, lineEnd, fields);
        }
    }

    private static readonly int LabelValueLineLabel = LabelValueLine().GroupNumberFromName("label");
    private static readonly int LabelValueLineValue = LabelValueLine().GroupNumberFromName("value");
    private static readonly int InlineLabelLabel = InlineLabel().GroupNumberFromName("label");

    /// <summary>
    /// True when <paramref name="line"/> has what <see cref="LabelValueLine"/> needs between label and
    /// value (':', a tab, a '|', or two spaces / no-break spaces in a row); most prose lines have none.
    /// </summary>
    private static bool HasLabelSeparator(ReadOnlySpan<char> line)
    {
        if (line.IndexOfAny(':', '\t', '|') >= 0)
        {
            return true;
        }

        for (var i = line.IndexOfAny(' ', '\u00A0'); i >= 0 && i + 1 < line.Length; i++)
        {
            if (line[i] is (' ' or '\u00A0') && line[i + 1] is (' ' or '\u00A0'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <see cref="TextFold.Fold"/> of a label; plain ASCII labels (nearly all) only need lower-casing,
    /// which gives the same string without the general folding's per-character work.
    /// </summary>
    private static string FoldLabel(ReadOnlySpan<char> label)
    {
        if (label.Length > 128 || !Ascii.IsValid(label))
        {
            return TextFold.Fold(label);
        }

        Span<char> lower = stackalloc char[label.Length];
        Ascii.ToLower(label, lower, out _);
        return new string(lower);
    }

    private static void AddField(string text, string label, int start, int end, int lineStart, int lineEnd, List<LabelledField> fields)
    {
        var (s, e) = TrimRange(text, start, end);
        if (label.Length >= 2 && e > s)
        {
            fields.Add(new LabelledField(label, s, e, lineStart, lineEnd));
        }
    }

    private static (int Start, int End) TrimRange(string text, int start, int end)
    {
        // Table cells arrive as "label: | value |"; the bars are layout, not content.
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] is '\uFEFF' or '|'))
        {
            start++;
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] == '|'))
        {
            end--;
        }

        return (start, end);
    }

    private sealed record DelimitedHeader(int LineStart, char Separator, List<string> Labels);

    // The header rows are found in the whole document text, the same for each of its order blocks;
    // the last document's are kept per thread so a message with many blocks scans its text once.
    [ThreadStatic]
    private static string? t_headersText;

    [ThreadStatic]
    private static List<DelimitedHeader>? t_headers;

    private static List<DelimitedHeader> DelimitedHeadersOf(string text)
    {
        if (t_headers is { } cached && ReferenceEquals(t_headersText, text))
        {
            return cached;
        }

        var headers = DelimitedHeaders(text);
        (t_headersText, t_headers) = (text, headers);
        return headers;
    }

    /// <summary>
    /// Header rows of delimited load lists (CSV, TSV, " | " tables): four or more separators and
    /// cells that are words, not values.
    /// </summary>
    private static List<DelimitedHeader> DelimitedHeaders(string text)
    {
        var headers = new List<DelimitedHeader>();
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            var line = text.AsSpan(lineStart, lineEnd - lineStart);
            foreach (var separator in (ReadOnlySpan<char>)[';', '\t', '|'])
            {
                if (line.Count(separator) < 4)
                {
                    continue;
                }

                var cells = line.ToString().Split(separator);
                var wordCells = cells.Count(c => c.Trim().Length > 0 && !c.Any(char.IsDigit));
                if (wordCells >= cells.Length * 3 / 4)
                {
                    headers.Add(new DelimitedHeader(lineStart, separator, [.. cells.Select(c => TextFold.Fold(c.Trim().Trim('\uFEFF')))]));
                }

                break;
            }

            lineStart = lineEnd + 1;
        }

        return headers;
    }

    [GeneratedRegex(@"(?:(?:[ \t\u00A0]{3,}|[ \t]\|[ \t])(?<label>\p{L}[\p{L}\p{M} .,/()&'’\-]{1,30}?)|(?<=[\p{L}\p{N}.)][ \t])(?<label>\p{Lu}\p{Ll}[\p{L}\-]{2,24}))[ \t]*:[ \t]*(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex InlineLabel();

    [GeneratedRegex(@"\G[ \t>\u00A0]*(?<label>\p{L}[\p{L}\p{M} .,/()&'’\-–°º№#]{0,47}?)[ \t\u00A0]*(?::|\t|[ \u00A0]{2,}|\s\|\s)[ \t\u00A0]*(?<value>\S[^\n]*)")]
    private static partial Regex LabelValueLine();
}
