using FleetManager.Core.Model;
using FleetManager.Mail.Parsing;
using MimeKit;

namespace FleetManager.Mail.Tests.Parsing;

public sealed class MimeEmailParserQuoteTests
{
    private static readonly MimeEmailParser Parser = new();

    private static Email ParseCorpus(string name)
    {
        var path = CorpusLocator.File(name);
        return Parser.Parse(new RawMessage(path, File.ReadAllBytes(path)));
    }

    private static Email ParsePlain(string subject, string text) =>
        Parser.Parse(TestMessages.Raw(TestMessages.Message(subject, new BodyBuilder { TextBody = text })));

    [Fact]
    public void Parse_OutlookReply_SplitsAtOriginalMessage()
    {
        var email = ParseCorpus("dva009-en-re-booking-regs-noted.eml");

        Assert.False(email.IsForward);
        Assert.Contains("regs noted (DW 7H412 / DW 2R881)", email.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Kestrel", email.Body, StringComparison.Ordinal);
        Assert.StartsWith("-----Original Message-----", email.QuotedText, StringComparison.Ordinal);
        Assert.Contains("Daventry NN11 8QL", email.QuotedText, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_GermanReplyWithAttribution_SplitsAtSchrieb()
    {
        var email = ParseCorpus("dva033-de-aw-bestaetigung-kennzeichen.eml");

        Assert.EndsWith("Jürgen Haberl", email.Body, StringComparison.Ordinal);
        Assert.StartsWith("Am 19.10.2026 um 09:40 schrieb Tomasz Wójcik:", email.QuotedText, StringComparison.Ordinal);
        Assert.DoesNotContain("Beladestelle", email.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OutlookReplyWithoutSeparator_SplitsAtFromSentBlock()
    {
        var email = ParseCorpus("dvb022-en-re-booking-confirmed.eml");

        Assert.Contains("08:00 slot tomorrow is fine", email.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Kraaivenstraat", email.Body, StringComparison.Ordinal);
        Assert.StartsWith("From: Tomáš Kříž", email.QuotedText, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Base64ReplyWithWroteLine_SplitsQuote()
    {
        var email = ParseCorpus("dvb014-ro-status-camion-ajuns.eml");

        Assert.Contains("AR 27 CTR", email.Body, StringComparison.Ordinal);
        Assert.Contains("> Dobrý den / Bună ziua,", email.QuotedText, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_GmailForward_KeepsForwardedOrderInBody()
    {
        var email = ParseCorpus("dva024-de-fwd-auftrag-moenchengladbach.eml");

        Assert.True(email.IsForward);
        Assert.Equal("", email.QuotedText);
        Assert.Contains("Krefelder Str. 212, 41066 Mönchengladbach", email.Body, StringComparison.Ordinal);
        Assert.Contains("Tomek, przesyłam zlecenie", email.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ForwardWithSignatureAndFromBlock_StaysInBody()
    {
        var email = ParseCorpus("dvb017-de-adr-fwd-hildesheim-kolin.eml");

        Assert.True(email.IsForward);
        Assert.Contains("UN 1263 FARBE", email.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("On Mon, Nov 9, 2026 at 8:12 AM Anna <anna@example.com> wrote:")]
    [InlineData("Le lun. 9 nov. 2026 à 08:12, Anna Martin <anna@example.fr> a écrit :")]
    [InlineData("W dniu 9.11.2026 o 08:12, Anna Nowak pisze:")]
    [InlineData("Il giorno lun 9 nov 2026 alle ore 08:12 Anna <a@example.it> ha scritto:")]
    [InlineData("El lun, 9 nov 2026 a las 8:12, Ana (<ana@example.es>) escribió:")]
    [InlineData("-----Ursprüngliche Nachricht-----")]
    [InlineData("-----Original Message-----")]
    public void Parse_ReplyHeaderVariants_MoveQuoteOut(string header)
    {
        var email = ParsePlain("Re: Ladung", "OK, confirmed.\n\n" + header + "\n> Ladung 24 t Brno - Linz\n> Preis 900 EUR");

        Assert.Equal("OK, confirmed.", email.Body);
        Assert.StartsWith(header, email.QuotedText, StringComparison.Ordinal);
        Assert.False(email.IsForward);
    }

    [Fact]
    public void Parse_WrappedGmailAttribution_IsRecognised()
    {
        var email = ParsePlain("Re: Ladung", "Danke.\n\nOn Mon, Nov 9, 2026 at 8:12 AM Anna Nowak <\nanna@example.com> wrote:\n> old text");

        Assert.Equal("Danke.", email.Body);
        Assert.Contains("> old text", email.QuotedText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Von: Anna Nowak <anna@example.de>\nGesendet: Montag, 9. November 2026 08:12\nAn: dispo@example.cz\nBetreff: Ladung")]
    [InlineData("Od: Anna Nowak\nWysłano: poniedziałek, 9 listopada 2026 08:12\nDo: dispo@example.cz\nTemat: Ładunek")]
    [InlineData("De : Anna Martin\nEnvoyé : lundi 9 novembre 2026 08:12\nÀ : dispo@example.cz\nObjet : Chargement")]
    public void Parse_OutlookHeaderBlocks_MoveQuoteOut(string block)
    {
        var email = ParsePlain("AW: Ladung", "Passt.\n\n" + block + "\n\nAlter Auftrag 24 t");

        Assert.Equal("Passt.", email.Body);
        Assert.EndsWith("Alter Auftrag 24 t", email.QuotedText, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReplyWithInterleavedQuotes_KeepsAnswersInBody()
    {
        var email = ParsePlain("Re: Ladung", "> Can you load on Monday?\nYes, 08:00.\n> Price?\n900 EUR");

        Assert.Equal("Yes, 08:00.\n900 EUR", email.Body);
        Assert.Equal("> Can you load on Monday?\n> Price?", email.QuotedText);
    }

    [Fact]
    public void Parse_OrderWithFromAndDateLabels_IsNotSplit()
    {
        var text = "Please quote:\nFrom: Warszawa, PL\nTo: Brno, CZ\nDate: 12.11.2026\nSubject: 24 t steel";

        var email = ParsePlain("Quote request", text);

        Assert.Equal(text, email.Body);
        Assert.Equal("", email.QuotedText);
    }

    [Theory]
    [InlineData("WG: Auftrag")]
    [InlineData("TR: Ordre de transport")]
    [InlineData("PD: Zlecenie")]
    [InlineData("RV: Orden de carga")]
    [InlineData("Továbbítás: Fuvar")]
    [InlineData("FW: Order")]
    public void Parse_ForwardSubjects_KeepEverythingInBody(string subject)
    {
        var text = "FYI\n\n-----Original Message-----\nFrom: Anna <anna@example.com>\nSent: Monday\nSubject: Order\n\nLoading Brno";

        var email = ParsePlain(subject, text);

        Assert.True(email.IsForward);
        Assert.Equal(text, email.Body);
        Assert.Equal("", email.QuotedText);
    }

    [Theory]
    [InlineData("---------- Weitergeleitete Nachricht ----------")]
    [InlineData("-------- Message transféré --------")]
    [InlineData("---------- Wiadomość przekazana ----------")]
    [InlineData("---------- Forwarded message ---------")]
    public void Parse_ForwardMarkerWithoutPrefix_IsForward(string marker)
    {
        var email = ParsePlain("Auftrag 7", "Bitte übernehmen.\n\n" + marker + "\nVon: x@example.de\nLaden: Achim");

        Assert.True(email.IsForward);
        Assert.Contains("Laden: Achim", email.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReplyToForward_IsReplyNotForward()
    {
        var email = ParsePlain("RE: FW: Order", "Confirmed.\n\n-----Original Message-----\nFrom: A <a@example.com>\nSent: Monday\n\n---------- Forwarded message ---------\nLoading Brno");

        Assert.False(email.IsForward);
        Assert.Equal("Confirmed.", email.Body);
    }
}
