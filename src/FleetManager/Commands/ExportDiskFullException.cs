using FleetManager.Core.Errors;

namespace FleetManager.Commands;

/// <summary>
/// <c>orders export</c> ran out of disk space while writing: the partial file is removed and the previous
/// export is untouched. A store-category failure (exit 4, "the disk is full, nothing half-written is left"),
/// as a full disk under the order book is.
/// </summary>
internal sealed class ExportDiskFullException(string target, IOException inner)
    : StoreException(
        $"The disk is full while writing the export to {target}: nothing was exported (the partial file was removed, a previous export is unchanged).",
        "Free disk space there (or give --output on another disk), then run the export again.",
        inner)
{
    /// <summary>ENOSPC (28) or EDQUOT (122): what Linux reports for a full disk or an exhausted quota.</summary>
    public static bool IsDiskFull(IOException exception) => exception.HResult is 28 or 122;
}
