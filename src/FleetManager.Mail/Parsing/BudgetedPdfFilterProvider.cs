using System.Globalization;
using System.IO.Compression;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace FleetManager.Mail.Parsing;

/// <summary>
/// PdfPig's own filters, each behind a budget: before a FlateDecode stream is handed to PdfPig (which
/// inflates it into one array and then tokenises all of it), it is inflated once into nothing, only
/// counting, and refused when it would pass the per-stream limit or the document's budget. A content
/// stream that inflates to 1 GB therefore costs a counting pass over the first few megabytes, not
/// gigabytes of memory. Other filters expand by small bounded factors (run length at most 128×,
/// hex and ASCII85 shrink); their output is counted against the same budget after decoding.
/// </summary>
internal sealed class BudgetedPdfFilterProvider(InflationBudget documentBudget, long maxStreamBytes, CancellationToken cancellationToken) : IFilterProvider
{
    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => Wrap(DefaultFilterProvider.Instance.GetFilters(dictionary));

    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => Wrap(DefaultFilterProvider.Instance.GetNamedFilters(names));

    public IReadOnlyList<IFilter> GetAllFilters() => Wrap(DefaultFilterProvider.Instance.GetAllFilters());

    private List<IFilter> Wrap(IReadOnlyList<IFilter> filters) => filters.Select(IFilter (f) => new BudgetedFilter(f, this)).ToList();

    /// <summary>Counts what one stream inflates to, without keeping it; throws past the limits.</summary>
    private void CheckInflatedSize(ReadOnlySpan<byte> input)
    {
        // PdfPig's FlateFilter skips the two-byte zlib header and inflates the raw deflate data; so does this.
        if (input.Length < 2)
        {
            return;
        }

        var streamBudget = new InflationBudget(maxStreamBytes, "a PDF stream");
        using var deflate = new DeflateStream(new MemoryStream(input[2..].ToArray(), writable: false), CompressionMode.Decompress);
        var buffer = new byte[81920];
        try
        {
            int read;
            while ((read = deflate.Read(buffer)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                streamBudget.Spend(read);
            }
        }
        catch (InvalidDataException)
        {
            // Damaged data: PdfPig decides what to make of it; what inflated so far was within the limit.
        }
    }

    private void ThrowIfCancelled() => cancellationToken.ThrowIfCancellationRequested();

    private void CountDecoded(int bytes)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (bytes > maxStreamBytes)
        {
            throw new AttachmentLimitExceededException(string.Format(CultureInfo.InvariantCulture,
                "a PDF stream decodes to more than {0} (the limit Limits:MaxInflatedBytes / 4 for one stream)", InflationBudget.Describe(maxStreamBytes)));
        }

        documentBudget.Spend(bytes);
    }

    private sealed class BudgetedFilter(IFilter inner, BudgetedPdfFilterProvider owner) : IFilter
    {
        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            owner.ThrowIfCancelled();
            if (inner is FlateFilter)
            {
                owner.CheckInflatedSize(input.Span);
            }

            var decoded = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            owner.CountDecoded(decoded.Length);
            return decoded;
        }
    }
}
