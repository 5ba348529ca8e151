using System.Text;
using FleetManager.Core.Errors;

namespace FleetManager.Hosting;

/// <summary>
/// Standard output and standard error as the process's code sees them: every line passes through the
/// <see cref="SecretRedactor"/> before it reaches the terminal, a pipe or a container log. Text is held
/// until the end of its line (a secret split over two writes is still whole when masked) or an explicit
/// flush (a progress line ending in '\r').
/// </summary>
internal sealed class RedactingTextWriter(TextWriter inner, SecretRedactor redactor) : TextWriter
{
    private readonly StringBuilder _line = new();
    private readonly Lock _lock = new();

    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => inner.NewLine;
        set => inner.NewLine = value;
    }

    public override void Write(char value)
    {
        lock (_lock)
        {
            _line.Append(value);
            if (value is '\n' or '\r')
            {
                EmitLocked();
            }
        }
    }

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        lock (_lock)
        {
            _line.Append(value);
            // Line ends release the line; so do terminal control sequences (a progress bar redraws in place).
            if (value.AsSpan().IndexOfAny('\n', '\r', '\u001b') >= 0)
            {
                EmitLocked();
            }
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer) => Write(new string(buffer));

    public override void WriteLine(string? value)
    {
        lock (_lock)
        {
            _line.Append(value).Append(inner.NewLine);
            EmitLocked();
        }
    }

    public override void WriteLine() => WriteLine(string.Empty);

    public override void Flush()
    {
        lock (_lock)
        {
            if (_line.Length > 0)
            {
                EmitLocked();
            }

            inner.Flush();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }

    /// <summary>Writes what is held up to its last line break (all of it on a flush) through the redactor.</summary>
    private void EmitLocked()
    {
        inner.Write(redactor.Redact(_line.ToString()));
        _line.Clear();
        inner.Flush();
    }
}
