using FleetManager.Core.Model;

namespace FleetManager.Llm.Tests.Support;

internal static class TestEmails
{
    public static Email Order(string messageId = "<order-1@example.test>") => new()
    {
        MessageId = messageId,
        Subject = "Transportauftrag TO-1",
        From = new EmailAddress("Petra Maier", "p.maier@alpenland.example"),
        To = [new EmailAddress(null, "dispo@carrier.example")],
        Date = new DateTimeOffset(2026, 12, 28, 9, 0, 0, TimeSpan.FromHours(1)),
        Body = "Beladung: 85386 Eching, 03.01. 08:00\nEntladung: 02-672 Warszawa\n24 t, 33 Paletten, Planensattel\nPreis 1.450 EUR",
    };
}
