using System.Runtime.CompilerServices;
using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using FleetManager.Mail.Parsing;

namespace FleetManager.Mail.Sources;

/// <summary>
/// Messages from local paths: a file named explicitly is read whatever its name (an mbox when its
/// first line starts with "From ", else one message); a folder contributes, recursively, its
/// <c>.eml</c> files, Maildir folders (cur/ and new/) and mbox files (<c>*.mbox</c>, a file named
/// <c>mbox</c>, or any file whose first line starts with "From "). Within a folder the order is an
/// ordinal sort of the paths, so runs are repeatable. Unreadable or oversized messages are
/// delivered with <see cref="RawMessage.ReadError"/> set rather than thrown.
/// </summary>
public sealed class MailPathSource : IMailSource
{
    private readonly IReadOnlyList<string> _paths;
    private readonly long _maxMessageBytes;

    /// <summary>A source over <paramref name="paths"/> (files or folders), read in the given order.</summary>
    /// <param name="paths">Files and folders to read.</param>
    /// <param name="maxMessageBytes">Messages larger than this are delivered with a read error instead of their bytes.</param>
    public MailPathSource(IEnumerable<string> paths, long maxMessageBytes = EmailParserOptions.DefaultMaxMessageBytes)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxMessageBytes);
        _paths = paths.ToList();
        _maxMessageBytes = maxMessageBytes;
        Name = "path:" + string.Join(",", _paths);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    /// <exception cref="MailSourceNotFoundException">A configured path does not exist.</exception>
    public async IAsyncEnumerable<RawMessage> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Fail before delivering anything: a typo in one path should not half-run an import.
        foreach (var path in _paths)
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                throw new MailSourceNotFoundException(path);
            }
        }

        foreach (var path in _paths)
        {
            IEnumerable<MailFile> files = Directory.Exists(path)
                ? MailFolderScanner.Scan(path)
                : [new MailFile(Path.GetFullPath(path), MailFileKind.Detect)];
            foreach (var file in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await foreach (var message in ReadFileAsync(file, cancellationToken).ConfigureAwait(false))
                {
                    yield return message;
                }
            }
        }
    }

    private async IAsyncEnumerable<RawMessage> ReadFileAsync(MailFile file, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        FileStream stream;
        Exception? openFailure = null;
        try
        {
            stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan | FileOptions.Asynchronous);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            stream = null!;
            openFailure = exception;
        }

        if (openFailure is not null)
        {
            yield return Unreadable(file.Path, openFailure);
            yield break;
        }

        await using (stream.ConfigureAwait(false))
        {
            var kind = file.Kind;
            if (kind == MailFileKind.Detect)
            {
                Exception? failure = null;
                try
                {
                    kind = await StartsWithFromLineAsync(stream, cancellationToken).ConfigureAwait(false) ? MailFileKind.Mbox : MailFileKind.Message;
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    failure = exception;
                }

                if (failure is not null)
                {
                    yield return Unreadable(file.Path, failure);
                    yield break;
                }
            }

            if (kind == MailFileKind.Mbox)
            {
                var splitter = new MboxSplitter(file.Path, _maxMessageBytes);
                await using var enumerator = splitter.ReadAsync(stream, cancellationToken).GetAsyncEnumerator(cancellationToken);
                while (true)
                {
                    RawMessage? next;
                    try
                    {
                        next = await enumerator.MoveNextAsync().ConfigureAwait(false) ? enumerator.Current : null;
                    }
                    catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                    {
                        // The messages already delivered stand; the rest of the file is reported once.
                        next = Unreadable(file.Path, exception);
                        kind = MailFileKind.Detect;
                    }

                    if (next is null)
                    {
                        yield break;
                    }

                    yield return next;
                    if (kind == MailFileKind.Detect)
                    {
                        yield break;
                    }
                }
            }

            yield return await ReadWholeAsync(stream, file.Path, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<RawMessage> ReadWholeAsync(FileStream stream, string path, CancellationToken cancellationToken)
    {
        try
        {
            var length = stream.Length;
            if (length > _maxMessageBytes)
            {
                return new RawMessage(path, ReadOnlyMemory<byte>.Empty)
                {
                    ReadError = $"file is {length} bytes, over the message size limit of {_maxMessageBytes} bytes (Limits:MaxMessageBytes)",
                };
            }

            stream.Position = 0;
            var bytes = new byte[length];
            await stream.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
            return new RawMessage(path, bytes);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Unreadable(path, exception);
        }
    }

    private static async Task<bool> StartsWithFromLineAsync(FileStream stream, CancellationToken cancellationToken)
    {
        var head = new byte[5];
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        stream.Position = 0;
        return read == head.Length && head.AsSpan().SequenceEqual("From "u8);
    }

    private static RawMessage Unreadable(string path, Exception exception) =>
        new(path, ReadOnlyMemory<byte>.Empty) { ReadError = $"cannot read '{path}': {exception.Message}" };
}
