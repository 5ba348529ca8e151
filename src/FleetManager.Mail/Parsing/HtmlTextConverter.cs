// Why HtmlAgilityPack and not MimeKit's HtmlTokenizer (issue 14, item 4), and why one file of ~500 lines:
// the output depends on the tree. A table row is written as one "cell | cell" line only when it holds no
// nested table, which is known only once the row's subtree is read; which text falls in which row, cell
// or list item follows HtmlAgilityPack's recovery from unclosed and misnested tags. A tokenizer gives a
// flat stream, so keeping the output byte for byte would mean rebuilding that tree logic on top of it:
// this walk plus a copy of HtmlAgilityPack's tree rules, not less code. It would not be faster either:
// reading every token with HtmlTokenizer alone took 1.2-1.3 times as long as LoadHtml building the whole
// tree over the corpora's 56 HTML bodies (benchmarks/html-tokenizer-vs-tree.cs; docs/benchmarks.md,
// "HTML to text: tree or tokenizer"). The linear fallback (ConvertFlat) stays for markup too deep or too
// large for the tree. Walk, fallback and line writer share the element tables, so they stay in one file.
using System.Text;
using HtmlAgilityPack;

namespace FleetManager.Mail.Parsing;

/// <summary>
/// Turns an HTML mail body into readable plain text: block elements and &lt;br&gt; end lines, a
/// table row becomes one line with its cells joined by " | " (readers look for "Label | value"),
/// blockquotes are prefixed with "&gt; " so the quote splitter can treat them like plain-text quotes.
/// </summary>
internal static class HtmlTextConverter
{
    private const int MaxDepth = 200;

    // HtmlAgilityPack slows down badly on very deep or very large markup (seconds for a few
    // thousand nested tags); beyond these limits a linear tag stripper is used instead.
    private const int MaxTreeNesting = 400;
    private const int MaxTreeHtmlLength = 1_000_000;

    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "br", "img", "hr", "meta", "link", "input", "col", "area", "base", "wbr", "source", "param", "embed", "track",
    };

    // Span look-ups into VoidElements: the nesting scan meets every tag and need not copy its name.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> VoidElementNames = VoidElements.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "head", "title", "noscript", "template", "svg", "object", "iframe", "xml",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "thead", "tbody",
        "tfoot", "tr", "blockquote", "pre", "hr", "section", "article", "header", "footer", "address",
        "dl", "dt", "dd", "form", "fieldset", "center", "main", "nav", "aside", "figure", "caption",
        "body", "html",
    };

    public static string Convert(string html)
    {
        if (html.Length > MaxTreeHtmlLength || NestingExceeds(html, MaxTreeNesting))
        {
            return ConvertFlat(html);
        }

        var document = new HtmlDocument { OptionCheckSyntax = false, OptionFixNestedTags = false };
        document.LoadHtml(html);
        var writer = new TextWriterState();
        Walk(document.DocumentNode, writer);
        return Tidy(writer.Builder.ToString());
    }

    /// <summary>Estimates tag nesting in one pass (void and self-closed tags do not nest).</summary>
    internal static bool NestingExceeds(string html, int limit)
    {
        var depth = 0;
        var index = html.IndexOf('<', StringComparison.Ordinal);
        while (index >= 0 && index + 1 < html.Length)
        {
            var next = html[index + 1];
            if (next == '/')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (char.IsAsciiLetter(next))
            {
                var end = html.IndexOf('>', index + 1);
                if (end < 0)
                {
                    break;
                }

                var nameEnd = index + 1;
                while (nameEnd < end && char.IsAsciiLetterOrDigit(html[nameEnd]))
                {
                    nameEnd++;
                }

                var selfClosed = html[end - 1] == '/';
                if (!selfClosed && !VoidElementNames.Contains(html.AsSpan((index + 1)..nameEnd)) && ++depth > limit)
                {
                    return true;
                }
            }

            index = html.IndexOf('<', index + 1);
        }

        return false;
    }

    /// <summary>
    /// A linear fallback for markup too deep or too large for the tree: tags are dropped, block
    /// tags end lines, cells are separated by " | ", script and style content is skipped.
    /// </summary>
    internal static string ConvertFlat(string html)
    {
        var writer = new TextWriterState();
        var position = 0;
        var cellsInRow = 0;
        while (position < html.Length)
        {
            var open = html.IndexOf('<', position);
            if (open < 0)
            {
                writer.AppendText(html[position..]);
                break;
            }

            if (open > position)
            {
                writer.AppendText(html[position..open]);
            }

            var close = html.IndexOf('>', open + 1);
            if (close < 0)
            {
                break;
            }

            var nameStart = open + 1;
            var closing = nameStart < close && html[nameStart] == '/';
            if (closing)
            {
                nameStart++;
            }

            var nameEnd = nameStart;
            while (nameEnd < close && char.IsAsciiLetterOrDigit(html[nameEnd]))
            {
                nameEnd++;
            }

            var name = html[nameStart..nameEnd].ToLowerInvariant();
            position = close + 1;
            if (!closing && name is "script" or "style" or "head" or "title")
            {
                var end = html.IndexOf("</" + name, position, StringComparison.OrdinalIgnoreCase);
                position = end < 0 ? html.Length : end;
                continue;
            }

            if (name is "td" or "th")
            {
                if (!closing && cellsInRow++ > 0)
                {
                    writer.AppendRaw(" | ");
                }
            }
            else if (name == "tr" || name == "br" || Blocks.Contains(name))
            {
                writer.NewLine();
                cellsInRow = 0;
            }
        }

        return Tidy(writer.Builder.ToString());
    }

    private static void Walk(HtmlNode node, TextWriterState writer)
    {
        if (writer.Depth >= MaxDepth)
        {
            // Absurdly deep markup (hostile or broken): keep its text, without recursing further.
            AppendTextIteratively(node, writer);
            return;
        }

        writer.Depth++;
        try
        {
            WalkChildren(node, writer);
        }
        finally
        {
            writer.Depth--;
        }
    }

    private static void WalkChildren(HtmlNode node, TextWriterState writer)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child.NodeType)
            {
                case HtmlNodeType.Text:
                    writer.AppendText(((HtmlTextNode)child).Text);
                    break;
                case HtmlNodeType.Element:
                    WriteElement(child, writer);
                    break;
                default:
                    break;
            }
        }
    }

    private static void WriteElement(HtmlNode element, TextWriterState writer)
    {
        var name = element.Name;
        if (Dropped.Contains(name))
        {
            return;
        }

        switch (name.ToLowerInvariant())
        {
            case "br":
                writer.NewLine();
                return;
            case "tr" when !HasNestedTable(element):
                WriteRow(element, writer);
                return;
            case "td" or "th":
                // A cell of a layout row (one holding nested tables): its content is a block of its own.
                writer.NewLine();
                Walk(element, writer);
                writer.NewLine();
                return;
            case "pre":
                writer.NewLine();
                writer.PreDepth++;
                Walk(element, writer);
                writer.PreDepth--;
                writer.NewLine();
                return;
            case "blockquote":
                writer.NewLine();
                writer.QuoteDepth++;
                Walk(element, writer);
                writer.NewLine();
                writer.QuoteDepth--;
                return;
            case "li":
                writer.NewLine();
                writer.AppendText("- ");
                Walk(element, writer);
                writer.NewLine();
                return;
            default:
                break;
        }

        if (Blocks.Contains(name))
        {
            writer.NewLine();
            Walk(element, writer);
            writer.NewLine();
        }
        else
        {
            Walk(element, writer);
        }
    }

    private static bool HasNestedTable(HtmlNode row)
    {
        var pending = new Stack<HtmlNode>();
        pending.Push(row);
        while (pending.Count > 0)
        {
            foreach (var child in pending.Pop().ChildNodes)
            {
                if (child.NodeType != HtmlNodeType.Element)
                {
                    continue;
                }

                if (string.Equals(child.Name, "table", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                pending.Push(child);
            }
        }

        return false;
    }

    private static void AppendTextIteratively(HtmlNode node, TextWriterState writer)
    {
        var pending = new Stack<HtmlNode>();
        pending.Push(node);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (current.NodeType == HtmlNodeType.Text)
            {
                writer.AppendText(((HtmlTextNode)current).Text);
                writer.AppendText(" ");
                continue;
            }

            if (current.NodeType == HtmlNodeType.Element && Dropped.Contains(current.Name))
            {
                continue;
            }

            for (var i = current.ChildNodes.Count - 1; i >= 0; i--)
            {
                pending.Push(current.ChildNodes[i]);
            }
        }
    }

    private static void WriteRow(HtmlNode row, TextWriterState writer)
    {
        var cells = new List<string>();
        foreach (var cell in row.ChildNodes)
        {
            if (cell.NodeType != HtmlNodeType.Element)
            {
                continue;
            }

            var cellName = cell.Name;
            if (!string.Equals(cellName, "td", StringComparison.OrdinalIgnoreCase) && !string.Equals(cellName, "th", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var cellWriter = new TextWriterState();
            Walk(cell, cellWriter);
            cells.Add(CollapseToOneLine(cellWriter.Builder.ToString()));
        }

        // An empty cell keeps its place in a row of data ("| Beladung | Entladung" over "Firma | … | …"), so the columns
        // stay aligned; trailing empty cells, and the empty cells of a row with one text (a layout row), are dropped.
        while (cells.Count > 0 && cells[^1].Length == 0)
        {
            cells.RemoveAt(cells.Count - 1);
        }

        if (cells.Count(c => c.Length > 0) < 2)
        {
            cells.RemoveAll(c => c.Length == 0);
        }

        if (cells.Count == 0)
        {
            return;
        }

        writer.NewLine();
        writer.AppendRaw(string.Join(" | ", cells));
        writer.NewLine();
    }

    private static string CollapseToOneLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Trims lines, turns no-break spaces into spaces and keeps at most one blank line in a row.</summary>
    internal static string Tidy(string text)
    {
        var builder = new StringBuilder(text.Length);
        var blankRun = 0;
        var rest = text.AsSpan();
        while (true)
        {
            // Lines as spans, no per-line strings. Trim before replacing no-break spaces is the same
            // as after: U+00A0 is white space to Trim, so only inner ones are left to replace.
            var end = rest.IndexOf('\n');
            var line = (end < 0 ? rest : rest[..end]).Trim();
            if (line.Length == 0)
            {
                blankRun++;
            }
            else
            {
                if (builder.Length > 0)
                {
                    builder.Append(blankRun > 0 ? "\n\n" : "\n");
                }

                blankRun = 0;
                var lineStart = builder.Length;
                builder.Append(line);
                if (line.Contains('\u00A0'))
                {
                    builder.Replace('\u00A0', ' ', lineStart, line.Length);
                }
            }

            if (end < 0)
            {
                break;
            }

            rest = rest[(end + 1)..];
        }

        return builder.ToString();
    }

    /// <summary>Accumulates text with HTML whitespace rules (runs collapse to one space) and line control.</summary>
    private sealed class TextWriterState
    {
        public StringBuilder Builder { get; } = new();

        public int PreDepth { get; set; }

        public int QuoteDepth { get; set; }

        public int Depth { get; set; }

        private bool _atLineStart = true;
        private bool _pendingSpace;

        public void AppendText(string htmlText)
        {
            // DeEntitize copies every text node; without an '&' it would return the same text.
            var text = htmlText.Contains('&') ? HtmlEntity.DeEntitize(htmlText) : htmlText;
            if (PreDepth > 0)
            {
                var lines = text.Replace("\r\n", "\n").Split('\n');
                for (var i = 0; i < lines.Length; i++)
                {
                    if (i > 0)
                    {
                        NewLine();
                    }

                    AppendRaw(lines[i]);
                }

                return;
            }

            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    _pendingSpace = !_atLineStart;
                    continue;
                }

                if (_atLineStart)
                {
                    StartLine();
                }
                else if (_pendingSpace)
                {
                    Builder.Append(' ');
                }

                _pendingSpace = false;
                Builder.Append(c);
            }
        }

        public void AppendRaw(string text)
        {
            if (text.Length == 0)
            {
                return;
            }

            if (_atLineStart)
            {
                StartLine();
            }
            else if (_pendingSpace)
            {
                Builder.Append(' ');
            }

            _pendingSpace = false;
            Builder.Append(text);
        }

        public void NewLine()
        {
            if (!_atLineStart)
            {
                Builder.Append('\n');
                _atLineStart = true;
            }

            _pendingSpace = false;
        }

        private void StartLine()
        {
            _atLineStart = false;
            for (var i = 0; i < QuoteDepth; i++)
            {
                Builder.Append("> ");
            }
        }
    }
}
