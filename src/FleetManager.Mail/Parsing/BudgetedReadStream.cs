namespace FleetManager.Mail.Parsing;

/// <summary>
/// A read-only wrapper that counts the bytes coming out of a decompressing stream and stops with
/// <see cref="AttachmentLimitExceededException"/> as soon as they pass the budget — while inflating,
/// so a zip bomb never exists in memory whole, and whatever sizes the archive declares (they can lie).
/// Each read also observes the cancellation token, so a per-message timeout stops a long inflation.
/// </summary>
internal sealed class BudgetedReadStream(Stream inner, InflationBudget budget, CancellationToken cancellationToken) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var read = inner.Read(buffer);
        budget.Spend(read);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
