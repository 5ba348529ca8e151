namespace FleetManager.Mail.Imap;

/// <summary>
/// How a read is cut into <c>UID FETCH</c> commands: at most <paramref name="BatchSize"/> messages and about
/// <paramref name="BatchBytes"/> bytes each; a message over <paramref name="MaxMessageBytes"/> is never downloaded.
/// </summary>
/// <param name="BatchSize"><see cref="ImapOptions.FetchBatchSize"/>.</param>
/// <param name="BatchBytes"><see cref="ImapOptions.FetchBatchBytes"/>.</param>
/// <param name="MaxMessageBytes"><see cref="ImapOptions.MaxMessageBytes"/>.</param>
internal sealed record ImapFetchLimits(int BatchSize, long BatchBytes, long MaxMessageBytes)
{
    public static ImapFetchLimits From(ImapOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.FetchBatchSize, options.FetchBatchBytes, options.MaxMessageBytes);
    }

    /// <summary>Over the limit by its announced size; a message of unknown size is downloaded (and weighed as a whole batch).</summary>
    public bool IsTooLarge(long? size) => size > MaxMessageBytes;
}
