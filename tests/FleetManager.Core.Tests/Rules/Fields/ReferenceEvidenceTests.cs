using FleetManager.Core.Rules.Fields;

namespace FleetManager.Core.Tests.Rules.Fields;

public sealed class ReferenceEvidenceTests
{
    private static string? ReferenceOf(string body, string subject = "Transport")
    {
        var document = RulesTestDocuments.From(body, subject);
        return ReferenceReader.Read(FieldBlock.Create(document.Text, 0, document.Text.Length, document.BodyStart))?.Value;
    }

    [Theory]
    [InlineData("Hei,\nTilausnro:    QX-4410-9\nLastaus: maanantai\n", "QX-4410-9")]
    [InlineData("Vores ordrenummer er LMB-882 – skriv det på fragtbrevet.\n", "LMB-882")]
    [InlineData("Naš broj naloga je PRV-31-207, molim navedite ga.\n", "PRV-31-207")]
    public void Read_LanguageFileLabel_ReadsNumber(string body, string expected)
        => Assert.Equal(expected, ReferenceOf(body));

    [Fact]
    public void Read_SubjectWithOneCode_ReadsIt()
        => Assert.Equal("TRX-7781", ReferenceOf("Hyvää päivää,\nkuljetus alla.\n", "Kuljetus TRX-7781 Oulu - Turku"));

    [Fact]
    public void Read_SubjectPostcodeOnly_ReadsNothing()
        => Assert.Null(ReferenceOf("Hello,\nplease carry this.\n", "Load DE-80331 to PL 02-672"));
}
