namespace FleetManager.Mail.Parsing;

/// <summary>
/// The <c>Limits</c> section: the budgets every message is read within (docs/limits.md), bound from
/// configuration by every verb that parses mail and checked by <see cref="MailLimitsOptionsValidator"/>.
/// Mutable for the configuration binder; the parser gets the immutable <see cref="EmailParserOptions"/>
/// made by <see cref="ToParserOptions"/>, so a shared parser's limits cannot change under it.
/// </summary>
public sealed class MailLimitsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Limits";

    /// <summary>
    /// A raw message larger than this (bytes) is quarantined without being parsed; a file or mbox entry
    /// larger than this is not even read into memory. Default 26214400 (25 MB). IMAP sources have their own
    /// <c>Imap:MaxMessageBytes</c>, checked against the server's size before downloading.
    /// </summary>
    public long MaxMessageBytes { get; set; } = EmailParserOptions.DefaultMaxMessageBytes;

    /// <summary>An attachment larger than this (bytes, decoded) is kept by name, type and size only, without text. Default 10485760 (10 MB).</summary>
    public long MaxAttachmentBytes { get; set; } = EmailParserOptions.DefaultMaxAttachmentBytes;

    /// <summary>Text is taken from at most this many pages of a PDF. Default 50.</summary>
    public int MaxPdfPages { get; set; } = EmailParserOptions.DefaultMaxPdfPages;

    /// <summary>
    /// The body, the quoted text and each attachment's text are cut to this many characters; HTML and a
    /// workbook's shared strings are read up to ten times it. Default 200000.
    /// </summary>
    public int MaxTextLength { get; set; } = EmailParserOptions.DefaultMaxTextLength;

    /// <summary>
    /// Bytes one attachment may decompress to (every part of an XLSX, every stream of a PDF; a quarter of it for
    /// one PDF stream), counted while inflating; past it the message is quarantined. Default 33554432 (32 MB).
    /// </summary>
    public long MaxInflatedBytes { get; set; } = EmailParserOptions.DefaultMaxInflatedBytes;

    /// <summary>The subject, each sender or recipient name and each kept header are cut to this many characters. Default 2000.</summary>
    public int MaxHeaderLength { get; set; } = EmailParserOptions.DefaultMaxHeaderLength;

    /// <summary>
    /// The header block is cut to this many bytes before it is parsed (each field to a quarter of it); the body is
    /// read as it is. Default 262144 (256 KiB).
    /// </summary>
    public int MaxHeaderBlockBytes { get; set; } = EmailParserOptions.DefaultMaxHeaderBlockBytes;

    /// <summary>
    /// Multiparts nested deeper than this (attached messages deeper than a quarter of it) quarantine the message
    /// rather than losing the parts inside silently. Default 32.
    /// </summary>
    public int MaxMimeDepth { get; set; } = EmailParserOptions.DefaultMaxMimeDepth;

    /// <summary>The parser's limits with these values (call after validation).</summary>
    public EmailParserOptions ToParserOptions() => new()
    {
        MaxMessageBytes = MaxMessageBytes,
        MaxAttachmentBytes = MaxAttachmentBytes,
        MaxPdfPages = MaxPdfPages,
        MaxTextLength = MaxTextLength,
        MaxInflatedBytes = MaxInflatedBytes,
        MaxHeaderLength = MaxHeaderLength,
        MaxHeaderBlockBytes = MaxHeaderBlockBytes,
        MaxMimeDepth = MaxMimeDepth,
    };
}
