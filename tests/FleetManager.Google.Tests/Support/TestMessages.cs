using System.Text;

namespace FleetManager.Google.Tests.Support;

/// <summary>Small RFC 5322 messages with unique Message-IDs.</summary>
internal static class TestMessages
{
    public static byte[] Order(int n) => Encoding.UTF8.GetBytes(
        $"From: Spedition Nord <dispo@nord.example>\r\nTo: dispatch@example.com\r\nSubject: Transportauftrag {n}\r\n" +
        $"Message-ID: <order-{n}@nord.example>\r\nDate: Mon, 23 Nov 2026 08:00:00 +0100\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
        $"Beladung: 10115 Berlin, 24.11.2026 08:00\r\nEntladung: 80331 München, 25.11.2026\r\nGewicht: {n} 000 kg\r\n");
}
