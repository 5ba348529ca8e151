using System.Text;
using FleetManager.Core.Model;
using FleetManager.Core.Rules;
using FleetManager.Mail.Parsing;
using Xunit;

namespace FleetManager.Core.Tests.Rules;

/// <summary>Text the rules reader met in real mail and failed on.</summary>
public sealed class RulesOrderReaderTextTests
{
    [Fact]
    public async Task ReadAsync_EmailWithEmoji_ReadsTheOrderInsteadOfFailing()
    {
        const string mail =
            "From: Dispo <dispo@spedition.example>\r\nTo: orders@haulier.example\r\nSubject: Transportauftrag 🚚 TA-4711\r\n" +
            "Message-ID: <emoji1@spedition.example>\r\nDate: Mon, 30 Nov 2026 09:00:00 +0100\r\nMIME-Version: 1.0\r\n" +
            "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" +
            "Hallo 👋,\r\n\r\nbitte folgenden Transport übernehmen 😀:\r\n\r\nBeladung: 03.12.2026, 80331 München, DE\r\n" +
            "Entladung: 04.12.2026, 00-001 Warszawa, PL\r\nGewicht: 12.000 kg\r\nFahrzeug: Plane\r\nPreis: 1.450 EUR\r\n\r\nDanke 🙏\r\n";
        var email = new MimeEmailParser().Parse(new RawMessage("emoji.eml", Encoding.UTF8.GetBytes(mail)));

        var result = await new RulesOrderReader().ReadAsync(email, CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal(Classification.Order, result.Classification);
        Assert.NotEmpty(result.Orders);
    }
}
