using System.Text;

namespace FleetManager.Tests.Support;

/// <summary>
/// Damages a SQLite order book the way a failing disk does: the pages holding the later orders get a
/// garbage b-tree header, so the first rows still read and SQLite reports "database disk image is
/// malformed" half-way through a scan, while <c>PRAGMA quick_check</c> fails at once.
/// </summary>
internal static class DamagedOrderBook
{
    private const int PageSize = 4096;

    /// <summary>Damages the second half of the pages that hold order JSON; returns how many pages were damaged.</summary>
    public static int DamageLaterOrders(string databaseFile)
    {
        var bytes = File.ReadAllBytes(databaseFile);
        var marker = Encoding.UTF8.GetBytes("\"stops\"");
        var orderPages = new List<int>();
        for (var page = 1; (page + 1) * PageSize <= bytes.Length; page++)
        {
            if (bytes.AsSpan(page * PageSize, PageSize).IndexOf(marker) >= 0)
            {
                orderPages.Add(page);
            }
        }

        if (orderPages.Count < 2)
        {
            throw new InvalidOperationException($"only {orderPages.Count} pages hold orders in {databaseFile}: import more messages first");
        }

        var damaged = orderPages.Skip(orderPages.Count / 2).ToList();
        foreach (var page in damaged)
        {
            // Byte 0 is the page type (13 for a table leaf); 0xFF is none, and the cell counts become nonsense.
            bytes.AsSpan(page * PageSize, 8).Fill(0xFF);
        }

        File.WriteAllBytes(databaseFile, bytes);
        return damaged.Count;
    }

    /// <summary>Damages one page's b-tree header (page 2 of a fresh order book is a table's root): quick_check fails.</summary>
    public static void DamagePage(string databaseFile, int page)
    {
        using var file = new FileStream(databaseFile, FileMode.Open, FileAccess.ReadWrite);
        file.Position = (long)(page - 1) * PageSize;
        file.Write([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);
    }
}
