using FleetManager.Core.Errors;

namespace FleetManager.Mail.Parsing;

/// <summary>
/// An attachment (or the message around it) would grow past one of the parser's limits while being
/// decompressed or parsed: a zip bomb in an XLSX, a PDF stream that inflates to gigabytes, a cell longer
/// than Excel allows. Reading stopped at the limit; the message is quarantined with this reason, which
/// names the limit, instead of holding the whole expansion in memory.
/// </summary>
public sealed class AttachmentLimitExceededException(string reason)
    : RejectedInputException(reason, "The limits are built in to protect the import; if the file is genuine, ask the sender for a smaller or plainer file.")
{
}
