// Is MimeKit's HtmlTokenizer a faster base for the HTML-to-text conversion than HtmlAgilityPack's tree?
// Times, over the HTML bodies of real mail, the part of the work each base does before any text is
// written: HtmlAgilityPack's LoadHtml (what HtmlTextConverter does today) against reading every token
// with MimeKit.Text.HtmlTokenizer (the least a tokenizer-based converter has to do; it would still need
// to build the rows and nesting HtmlTextConverter reads from the tree).
//
//   dotnet run benchmarks/html-tokenizer-vs-tree.cs -- ../shared/corpus/dev ../shared/corpus/dev2 [/tmp/bench.mbox] [--rounds 20]
//
// File-based program: the repository's Directory.Build.props and central package versions apply.

#:package MimeKit
#:package HtmlAgilityPack

using System.Diagnostics;
using System.Globalization;
using HtmlAgilityPack;
using MimeKit;
using MimeKit.Text;

var rounds = 20;
var bodies = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--rounds")
    {
        rounds = int.Parse(args[++i], CultureInfo.InvariantCulture);
    }
    else if (Directory.Exists(args[i]))
    {
        foreach (var file in Directory.EnumerateFiles(args[i], "*.eml").Order(StringComparer.Ordinal))
        {
            AddHtml(MimeMessage.Load(file));
        }
    }
    else if (File.Exists(args[i]))
    {
        using var stream = File.OpenRead(args[i]);
        var parser = new MimeParser(stream, MimeFormat.Mbox);
        while (!parser.IsEndOfStream)
        {
            try
            {
                AddHtml(parser.ParseMessage());
            }
            catch (FormatException)
            {
                // The generated mbox holds a few deliberately malformed messages; they have no HTML to time.
            }
        }
    }
}

if (bodies.Count == 0)
{
    Console.Error.WriteLine("usage: dotnet run benchmarks/html-tokenizer-vs-tree.cs -- DIR_OR_MBOX... [--rounds N]");
    return 2;
}

var characters = bodies.Sum(b => (long)b.Length);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{bodies.Count} HTML bodies, {characters:N0} characters, {rounds} rounds (median)"));
Report("HtmlAgilityPack LoadHtml", Median(rounds, () =>
{
    var nodes = 0;
    foreach (var html in bodies)
    {
        var document = new HtmlDocument { OptionCheckSyntax = false, OptionFixNestedTags = false };
        document.LoadHtml(html);
        nodes += document.DocumentNode.ChildNodes.Count;
    }

    return nodes;
}));
Report("MimeKit HtmlTokenizer, every token", Median(rounds, () =>
{
    var tokens = 0;
    foreach (var html in bodies)
    {
        using var reader = new StringReader(html);
        var tokenizer = new HtmlTokenizer(reader);
        while (tokenizer.ReadNextToken(out _))
        {
            tokens++;
        }
    }

    return tokens;
}));
return 0;

void AddHtml(MimeMessage message)
{
    if (message.HtmlBody is { Length: > 0 } html)
    {
        bodies.Add(html);
    }
}

void Report(string name, TimeSpan perRound) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-36} {perRound.TotalMilliseconds,9:F2} ms per round  {perRound.TotalMicroseconds / bodies.Count,8:F1} µs per body"));

static TimeSpan Median(int rounds, Func<int> work)
{
    for (var i = 0; i < 3; i++)
    {
        work();
    }

    var times = new List<TimeSpan>();
    for (var i = 0; i < rounds; i++)
    {
        var clock = Stopwatch.StartNew();
        GC.KeepAlive(work());
        times.Add(clock.Elapsed);
    }

    times.Sort();
    return times[times.Count / 2];
}
