namespace FleetManager.Mail.Parsing;

/// <summary>
/// One reusable <see cref="MemoryStream"/> per thread for decoding MIME parts: a fresh stream per
/// part regrows its buffer from 256 bytes by doubling, which was a large share of the parser's
/// allocations. Rent/Return pairs; a nested rent while one is out gets a fresh stream.
/// </summary>
internal static class ScratchStream
{
    // Buffers above this size are not kept, so one huge message does not pin memory for good.
    private const int MaxKeptCapacity = 4 * 1024 * 1024;

    [ThreadStatic]
    private static MemoryStream? t_free;

    public static MemoryStream Rent()
    {
        var stream = t_free;
        if (stream is null)
        {
            return new MemoryStream();
        }

        t_free = null;
        stream.SetLength(0);
        return stream;
    }

    public static void Return(MemoryStream stream)
    {
        if (stream.Capacity <= MaxKeptCapacity)
        {
            t_free = stream;
        }
    }
}
