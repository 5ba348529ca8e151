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

    [Theory]
    [InlineData("Optragsnummer: LU-33019\nOplueden: 09.12.2026\n", "LU-33019")]
    [InlineData("Numri i porosisë: AL-7781\nMalli: veshje\n", "AL-7781")]
    [InlineData("Номер: 55/12\nГруз: 16 палет\n", "55/12")]
    [InlineData("Αριθμός εντολής: ΑΤ-4410\nΦόρτωση: Τρίτη\n", "ΑΤ-4410")]
    public void Read_LabelWordThatSaysNumber_ReadsTheCodeEvenWithCountryLetters(string body, string expected)
        => Assert.Equal(expected, ReferenceOf(body, "Transport"));

    [Theory]
    [InlineData("Porosi transporti nr. AL-7781 Durrës – Bari", "AL-7781")]
    [InlineData("Налог за превоз бр. 2612-118 Скопје – Синдос", "2612-118")]
    [InlineData("Заяўка на перавозку № 55/12 Мінск – Блоне", "55/12")]
    [InlineData("Nova ponuda tereta #HR-55812", "HR-55812")]
    [InlineData("Εντολή μεταφοράς ΑΡ. 2027-044", "2027-044")]
    public void Read_NumberSignInSubject_ReadsTheCode(string subject, string expected)
        => Assert.Equal(expected, ReferenceOf("Hyvää päivää,\nkuljetus alla.\n", subject));

    [Fact]
    public void Read_BasqueNumberSignAfterATitle_WinsOverTheSubjectsBareNumber()
        => Assert.Equal("BG-5521", ReferenceOf("Kaixo,\n\nGarraio agindua zk. BG-5521:\n", "Garraio agindua 5521 Bilbo - Bordele"));

    [Theory]
    [InlineData("Ordre 88120 Aarhus - Hamburg", "88120")]
    [InlineData("Sammeltour 5531 Augsburg", "5531")]
    [InlineData("Naročilo prevoza 2027-031", "2027-031")]
    public void Read_NumberAfterADocumentTitleInTheSubject_ReadsIt(string subject, string expected)
        => Assert.Equal(expected, ReferenceOf("Hej,\nvi har følgende ordre til jer.\n", subject));

    [Theory]
    [InlineData("Zlecenie 62-080 Tarnowo Podgórne – Mediolan")]
    [InlineData("Transportauftrag 2027")]
    public void Read_PostalCodeOrYearAfterATitleInTheSubject_ReadsNothing(string subject)
        => Assert.Null(ReferenceOf("Dzień dobry,\nzlecamy transport.\n", subject));

    [Theory]
    [InlineData("2) IT-20090 Segrate → FR-69007 Lyon | 22/01 | 12 t | 1.100 EUR | ID 771219 | Lombarda Trasporti S.p.A.\n", "771219")]
    [InlineData("Ladung ID: VT-99812\n", "VT-99812")]
    public void Read_CapitalIdBeforeACode_ReadsIt(string body, string expected)
        => Assert.Equal(expected, ReferenceOf(body, "Neue Ladungen"));

    [Theory]
    [InlineData("USt-ID 12345678, Steuer\n")]
    [InlineData("VAT ID 12345678\n")]
    [InlineData("Kunden-ID 4471\n")]
    public void Read_IdOfSomethingElse_ReadsNothing(string body)
        => Assert.Null(ReferenceOf(body, "Transport"));

    [Theory]
    [InlineData("Telefonnummer: 0049 8955 5010\n")]
    [InlineData("Kundennummer: 44 1203\n")]
    [InlineData("Nr.: 12.03\n")]
    public void Read_NumberLabelOfSomethingElseOrADate_ReadsNothing(string body)
        => Assert.Null(ReferenceOf(body, "Transport"));

    [Fact]
    public void Read_NumberSignInAReplysSubject_IsTheOrderRepliedTo()
        => Assert.Null(ReferenceOf("Hyvää päivää,\nkuljetus alla.\n", "Re: Porosi transporti nr. AL-7781"));

    [Fact]
    public void Read_NumberSignAfterADocumentTitleInTheText_ReadsTheCode()
        => Assert.Equal("4420/26", ReferenceOf("Poštovani,\n\nšaljemo nalog za prevoz br. 4420/26.\n", "Nalog Podgorica - Beograd"));

    [Fact]
    public void Read_NumberSignAfterAnythingElseInTheText_ReadsNothing()
        => Assert.Null(ReferenceOf("Poštovani,\n\nzovite na telefon br. 4420 5512.\n", "Podgorica - Beograd"));

    [Theory]
    [InlineData("A chara,\n\nOrdú iompair 44/27:\nLódáil: 11/01/2027\n", "44/27")]
    [InlineData("Bom dia,\nSegue o pedido de transporte 212/2026 para amanhã.\n", "212/2026")]
    public void Read_SlashNumberAfterADocumentTitle_ReadsIt(string body, string expected)
        => Assert.Equal(expected, ReferenceOf(body));

    [Fact]
    public void Read_DayAndMonthAfterADocumentTitle_NoReference()
        // "12/01" after "Transportauftrag" is the day it is for, not its number.
        => Assert.Null(ReferenceOf("Hallo,\nTransportauftrag 12/01 wie besprochen.\n"));

    [Fact]
    public void Read_LabelledNumberAndASlashNumberAfterATitle_TheLabelledOneWins()
        => Assert.Equal("ΑΤ-4410", ReferenceOf("Αριθμός εντολής: ΑΤ-4410\nΦόρτωση: Τρίτη\n", "Εντολή μεταφοράς 4410/26"));
}
