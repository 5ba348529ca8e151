using System.Text;
using FleetManager.Core.Model;
using MimeKit;

namespace FleetManager.Mail.Tests;

/// <summary>Builds raw messages for tests with MimeKit's builders.</summary>
internal static class TestMessages
{
    public static RawMessage Raw(string text, string key = "test") => new(key, Encoding.UTF8.GetBytes(text));

    public static RawMessage Raw(MimeMessage message, string key = "test")
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return new RawMessage(key, stream.ToArray());
    }

    public static MimeMessage Message(string subject, BodyBuilder body, string messageId = "test-1@example.com")
    {
        var message = new MimeMessage
        {
            Subject = subject,
            MessageId = messageId,
            Date = new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.FromHours(1)),
            Body = body.ToMessageBody(),
        };
        message.From.Add(new MailboxAddress("Anna Nowak", "anna@example.pl"));
        message.To.Add(new MailboxAddress("Dispo", "dispo@example.cz"));
        return message;
    }
}
