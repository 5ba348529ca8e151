namespace FleetManager.Core.Model;

/// <summary>
/// An attachment as the readers see it: its name, MIME type, size, and its text where one could be
/// taken out (PDF text, a CSV/XLSX load list as rows, a text file). <see cref="Content"/> keeps the
/// decoded bytes for readers that send them on (an LLM), within the parser's size limits.
/// </summary>
public sealed record EmailAttachment(string? FileName, string ContentType, long Size, string? Text)
{
    public ReadOnlyMemory<byte> Content { get; init; }
}
