using FleetManager.Core.Model;
using FleetManager.Core.Rules;
using FleetManager.Mail;
using Xunit;
using Xunit.Abstractions;

namespace FleetManager.Core.Tests.Rules;

public sealed class DebugOne(ITestOutputHelper output)
{
    [Fact]
    public void Debug()
    {
        var snippet = Environment.GetEnvironmentVariable("FM_SNIPPET");
        if (snippet is not null)
        {
            foreach (var s in RulesTestDocuments.Stops(File.ReadAllText(snippet)))
                output.WriteLine($"  {s.Type} {s.PostalCode} | {s.City} | {s.Country} | {s.Date} {s.TimeFrom}-{s.TimeTo} | {s.Company} | {s.Address}");
            return;
        }

        var name = Environment.GetEnvironmentVariable("FM_ONE");
        if (name is null) return;
        var path = Path.Combine(CorpusLocator.DevCorpus()!, name + ".eml");
        var email = new MimeEmailParser().Parse(new RawMessage(path, File.ReadAllBytes(path)));
        var doc = RulesDocument.From(email);
        foreach (var b in new OrderSegmenter().Split(doc))
        {
            output.WriteLine($"BLOCK {b.Start} {b.Length}");
            foreach (var s in new StopExtractor().Extract(doc, b, new Dictionary<string, TextSpan>()))
                output.WriteLine($"  {s.Type} {s.PostalCode} | {s.City} | {s.Country} | {s.Date} {s.TimeFrom}-{s.TimeTo} | {s.Company} | {s.Address}");
        }
    }
}
