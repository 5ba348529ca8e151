using System.Text.Json;
using FleetManager.Core.Model;
using FleetManager.Mail.Parsing;

namespace FleetManager.Mail.Tests.Parsing;

public sealed class MimeEmailParserCorpusTests
{
    private static readonly MimeEmailParser Parser = new();

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in CorpusLocator.EmlFiles())
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void Corpus_HasEightyMessages()
    {
        Assert.Equal(80, CorpusLocator.EmlFiles().Count());
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Parse_CorpusMessage_HasExpectedMessageIdAndText(string name)
    {
        var path = CorpusLocator.File(name);
        var email = Parser.Parse(new RawMessage(path, File.ReadAllBytes(path)));

        using var expected = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(path, ".expected.json")));
        Assert.Equal(expected.RootElement.GetProperty("message_id").GetString(), email.MessageId);
        Assert.True(email.HasMessageIdHeader);
        Assert.True(
            email.Body.Trim().Length > 0 || email.Attachments.Any(a => !string.IsNullOrWhiteSpace(a.Text)),
            "no body and no attachment text");
        Assert.NotNull(email.Date);
        Assert.NotNull(email.From);
        Assert.False(string.IsNullOrWhiteSpace(email.Subject));
        Assert.DoesNotContain('\uFFFD', email.Body);
        Assert.DoesNotContain("=?", email.Subject, StringComparison.Ordinal);
        Assert.True(email.Headers.ContainsKey("content-type"));
    }
}
