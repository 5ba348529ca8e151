using System.Text;
using MailKit;

namespace FleetManager.Mail.Tests.Imap;

/// <summary>
/// Records the commands a mailbox sends over all its connections (MailKit's protocol logger), so a
/// test can count round trips. Hand <see cref="NewLogger"/> to the mailbox: each connection gets a
/// logger of its own that writes here.
/// </summary>
internal sealed class ImapCommandRecorder
{
    private readonly StringBuilder _sent = new();

    public IProtocolLogger NewLogger() => new Logger(this);

    /// <summary>The tagged commands sent so far whose text contains every one of <paramref name="parts"/>.</summary>
    public List<string> Commands(params string[] parts)
    {
        string sent;
        lock (_sent)
        {
            sent = _sent.ToString();
        }

        return sent.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Where(line => parts.All(p => line.Contains(p, StringComparison.Ordinal)))
            .ToList();
    }

    private sealed class Logger(ImapCommandRecorder recorder) : IProtocolLogger
    {
        public IAuthenticationSecretDetector? AuthenticationSecretDetector { get; set; }

        public void LogConnect(Uri uri)
        {
        }

        public void LogClient(byte[] buffer, int offset, int count)
        {
            lock (recorder._sent)
            {
                recorder._sent.Append(Encoding.ASCII.GetString(buffer, offset, count));
            }
        }

        public void LogServer(byte[] buffer, int offset, int count)
        {
        }

        public void Dispose()
        {
        }
    }
}
