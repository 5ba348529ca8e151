namespace FleetManager.Mail.Parsing;

/// <summary>
/// Limits for <see cref="MimeEmailParser"/>. They keep one hostile or huge message from eating
/// the memory and time budget of a whole import run.
/// </summary>
public sealed record EmailParserOptions
{
    /// <summary>Default for <see cref="MaxMessageBytes"/>: 25 MB, the common mail server limit.</summary>
    public const long DefaultMaxMessageBytes = 25L * 1024 * 1024;

    /// <summary>Default for <see cref="MaxAttachmentBytes"/>: 10 MB.</summary>
    public const long DefaultMaxAttachmentBytes = 10L * 1024 * 1024;

    /// <summary>Default for <see cref="MaxPdfPages"/>.</summary>
    public const int DefaultMaxPdfPages = 50;

    /// <summary>Default for <see cref="MaxTextLength"/>: 200,000 characters.</summary>
    public const int DefaultMaxTextLength = 200_000;

    /// <summary>Default for <see cref="MaxInflatedBytes"/>: 32 MB.</summary>
    public const long DefaultMaxInflatedBytes = 32L * 1024 * 1024;

    /// <summary>Default for <see cref="MaxHeaderLength"/>: 2,000 characters.</summary>
    public const int DefaultMaxHeaderLength = 2_000;

    /// <summary>Default for <see cref="MaxHeaderBlockBytes"/>: 256 KiB.</summary>
    public const int DefaultMaxHeaderBlockBytes = 256 * 1024;

    /// <summary>Default for <see cref="MaxMimeDepth"/>.</summary>
    public const int DefaultMaxMimeDepth = 32;

    /// <summary>The default limits.</summary>
    public static EmailParserOptions Default { get; } = new();

    /// <summary>A raw message larger than this is quarantined without being parsed.</summary>
    public long MaxMessageBytes { get; init; } = DefaultMaxMessageBytes;

    /// <summary>
    /// An attachment whose decoded size is larger than this gets no text and no kept content
    /// (its name, type and size are still reported).
    /// </summary>
    public long MaxAttachmentBytes { get; init; } = DefaultMaxAttachmentBytes;

    /// <summary>Text is taken from at most this many pages of a PDF.</summary>
    public int MaxPdfPages { get; init; } = DefaultMaxPdfPages;

    /// <summary>The body, the quoted text and each attachment's text are cut to this many characters.</summary>
    public int MaxTextLength { get; init; } = DefaultMaxTextLength;

    /// <summary>
    /// An attachment may decompress to at most this many bytes (all parts of an XLSX together, all streams
    /// of a PDF together, a quarter of it for one PDF stream), counted while inflating. Past it the message is
    /// quarantined with a reason naming this limit: a zip bomb never exists in memory whole.
    /// </summary>
    public long MaxInflatedBytes { get; init; } = DefaultMaxInflatedBytes;

    /// <summary>The subject, each sender or recipient name and each kept header are cut to this many characters.</summary>
    public int MaxHeaderLength { get; init; } = DefaultMaxHeaderLength;

    /// <summary>
    /// The message's header block (its header fields before the body) is cut to this many bytes before it is
    /// parsed: each field to a quarter of it, and past it only the first From, To, Subject, Date, Message-ID and
    /// MIME fields are kept. The body is read as it is, so an order in it is not lost to a hostile header.
    /// </summary>
    public int MaxHeaderBlockBytes { get; init; } = DefaultMaxHeaderBlockBytes;

    /// <summary>
    /// Multiparts nested deeper than this (and attached messages nested deeper than a quarter of it) are not
    /// read: the message is quarantined with a reason saying so, rather than losing the parts inside silently.
    /// </summary>
    public int MaxMimeDepth { get; init; } = DefaultMaxMimeDepth;
}
