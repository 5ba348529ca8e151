using System.Buffers;
using FleetManager.Core.Model;

namespace FleetManager.Mail.Sources;

/// <summary>
/// Splits an mbox stream into messages while reading it in fixed-size chunks, so memory stays
/// bounded by the largest message (or the size limit) whatever the file size. A "From " line at
/// the start of the file or after a blank line separates messages; "&gt;From " lines are
/// unescaped (mboxrd). Each message's key is "path#offset" with the byte offset of its "From " line.
/// </summary>
internal sealed class MboxSplitter
{
    private const int ChunkSize = 64 * 1024;

    private readonly string _path;
    private readonly long _maxMessageBytes;

    private ArrayBufferWriter<byte>? _message;
    private long _messageOffset = -1;
    private long _messageSize;
    private bool _skippingSeparatorLine;
    private bool _previousLineBlank = true;

    public MboxSplitter(string path, long maxMessageBytes)
    {
        _path = path;
        _maxMessageBytes = maxMessageBytes;
    }

    public async IAsyncEnumerable<RawMessage> ReadAsync(Stream stream, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new byte[ChunkSize];
        var filled = 0;
        long bufferOffset = 0;
        var lineStart = true;
        while (true)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            filled += read;
            var atEnd = read == 0;
            var position = 0;
            while (position < filled)
            {
                var newline = Array.IndexOf(buffer, (byte)'\n', position, filled - position);
                int end;
                bool lineEnd;
                if (newline >= 0)
                {
                    end = newline + 1;
                    lineEnd = true;
                }
                else if (atEnd)
                {
                    // The last line of the file, without a newline.
                    end = filled;
                    lineEnd = true;
                }
                else if (position == 0 && filled == buffer.Length)
                {
                    // A line longer than the buffer (base64 without breaks): pass it on in pieces;
                    // its start is in this piece, so separators are still recognised.
                    end = filled;
                    lineEnd = false;
                }
                else
                {
                    break;
                }

                var finished = OnChunk(buffer.AsSpan(position, end - position), bufferOffset + position, lineStart, lineEnd);
                if (finished is not null)
                {
                    yield return finished;
                }

                lineStart = lineEnd;
                position = end;
            }

            if (atEnd && position >= filled)
            {
                break;
            }

            // Keep the unprocessed tail at the start of the buffer.
            Buffer.BlockCopy(buffer, position, buffer, 0, filled - position);
            bufferOffset += position;
            filled -= position;
        }

        var last = Finish();
        if (last is not null)
        {
            yield return last;
        }
    }

    private RawMessage? OnChunk(ReadOnlySpan<byte> chunk, long offset, bool lineStart, bool lineEnd)
    {
        RawMessage? finished = null;
        if (lineStart)
        {
            if (_previousLineBlank && chunk.StartsWith("From "u8))
            {
                finished = Finish();
                _message = new ArrayBufferWriter<byte>(4096);
                _messageOffset = offset;
                _messageSize = 0;
                _skippingSeparatorLine = !lineEnd;
                _previousLineBlank = false;
                return finished;
            }

            _skippingSeparatorLine = false;
            var isBlank = chunk.SequenceEqual("\n"u8) || chunk.SequenceEqual("\r\n"u8);
            if (_message is null && !isBlank)
            {
                // Text before the first separator (not a real mbox): still deliver it as a message.
                _message = new ArrayBufferWriter<byte>(4096);
                _messageOffset = offset;
                _messageSize = 0;
            }

            if (IsEscapedFrom(chunk))
            {
                chunk = chunk[1..];
            }

            Append(chunk);
            _previousLineBlank = isBlank;
            return null;
        }

        if (_skippingSeparatorLine)
        {
            _skippingSeparatorLine = !lineEnd;
            return null;
        }

        Append(chunk);
        if (lineEnd)
        {
            _previousLineBlank = false;
        }

        return null;
    }

    private static bool IsEscapedFrom(ReadOnlySpan<byte> line)
    {
        var i = 0;
        while (i < line.Length && line[i] == (byte)'>')
        {
            i++;
        }

        return i > 0 && line[i..].StartsWith("From "u8);
    }

    private void Append(ReadOnlySpan<byte> chunk)
    {
        if (_message is null)
        {
            return;
        }

        _messageSize += chunk.Length;
        if (_messageSize <= _maxMessageBytes + 2)
        {
            _message.Write(chunk);
        }
    }

    private RawMessage? Finish()
    {
        if (_message is null)
        {
            return null;
        }

        var key = $"{_path}#{_messageOffset}";
        var written = _message.WrittenMemory;
        _message = null;
        var span = written.Span;
        var length = span.Length;

        // The blank line before the next "From " belongs to the mbox format, not to the message.
        if (span.EndsWith("\r\n\r\n"u8))
        {
            length -= 2;
        }
        else if (span.EndsWith("\n\n"u8))
        {
            length--;
        }

        if (_messageSize - (span.Length - length) > _maxMessageBytes)
        {
            return new RawMessage(key, ReadOnlyMemory<byte>.Empty)
            {
                ReadError = $"message is larger than the limit of {_maxMessageBytes} bytes (Limits:MaxMessageBytes)",
            };
        }

        return new RawMessage(key, written[..length]);
    }
}
