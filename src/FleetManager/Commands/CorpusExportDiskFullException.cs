using FleetManager.Core.Errors;

namespace FleetManager.Commands;

/// <summary>
/// <c>corrections export</c> ran out of disk space while writing the corpus: the partial folder is removed and
/// the target folder is untouched. A store-category failure (exit 4), as <see cref="ExportDiskFullException"/> is.
/// </summary>
internal sealed class CorpusExportDiskFullException(string target, IOException inner)
    : StoreException(
        $"The disk is full while writing the corpus to {target}: nothing was exported (the partial folder was removed, the folder there is unchanged).",
        "Free disk space there (or give a folder on another disk), then run the export again.",
        inner);
