namespace FleetManager.Dashboard.Tests.Support;

/// <summary>
/// A transport order whose subject, body, companies, HTML part and attachment name carry script payloads
/// (<c>&lt;script&gt;</c>, <c>onerror=</c>, <c>javascript:</c>): the dashboard must show it as text, run nothing.
/// </summary>
internal static class HostileOrderMessage
{
    public const string Reference = "XSS-7731";

    public static void Write(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "hostile-order.eml"), $$"""
            From: Mallory <mallory@hostile.example>
            To: bookings@vistula-haulage.example
            Subject: Transport order {{Reference}} <script>alert('subject')</script> <img src=x onerror=alert('subject-img')>
            Date: Tue, 01 Dec 2026 08:00:00 +0000
            Message-ID: <hostile-7731@hostile.example>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="outer"

            --outer
            Content-Type: multipart/alternative; boundary="alt"

            --alt
            Content-Type: text/plain; charset=utf-8

            Hello,

            please take the following load.

            Our reference: {{Reference}}
            Customer: Evil <script>alert('customer')</script> Forwarding Ltd

            Loading on 3 December 2026 from Hostile <img src=x onerror=alert('company')> GmbH, Hauptstrasse 1, 10115 Berlin, Germany.
            Delivery on 5 December 2026 to javascript:alert('unload') Sp. z o.o., ul. Prosta 1, 00-850 Warszawa, Poland.

            Goods: 10 pallets <svg onload=alert('cargo')>, 5000 kg.
            Rate: 900 EUR.

            Regards,
            Mallory
            Evil <script>alert('customer')</script> Forwarding Ltd

            --alt
            Content-Type: text/html; charset=utf-8

            <html><body><p>Our reference: {{Reference}}</p><script>alert('html-script')</script>
            <img src="x" onerror="alert('html-img')"><img src="http://192.0.2.99/track.png" alt="tracker">
            <a href="javascript:alert('html-link')">click me</a> <a href="http://192.0.2.99/">away</a>
            <form action="http://192.0.2.99/"><input name="p"><button>send</button></form></body></html>
            --alt--

            --outer
            Content-Type: text/plain; name="<img src=x onerror=alert('file')>.txt"
            Content-Disposition: attachment; filename="<img src=x onerror=alert('file')>.txt"

            javascript:alert('attachment body')
            --outer--
            """.ReplaceLineEndings("\r\n"));
    }
}
