using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace FleetManager.Core.Geo;

/// <summary>
/// The loaded gazetteer: its places and a key → places map. Built once, read-only afterwards,
/// so it is safe to share between threads.
/// </summary>
internal sealed class GazetteerIndex
{
    // A hit packs the place's position and the NameRank into one int: position * 4 + rank.
    // A key with one hit (most of them) stores that int directly; a key with several stores
    // ~n, n pointing into _multiHits. This keeps the index to one dictionary entry per key.
    private readonly Dictionary<string, int> _keys;
    private readonly List<int[]> _multiHits;

    private GazetteerIndex(GazetteerEntry[] entries, Dictionary<string, int> keys, List<int[]> multiHits)
    {
        Entries = entries;
        _keys = keys;
        _multiHits = multiHits;
    }

    /// <summary>All places, most populous first.</summary>
    public GazetteerEntry[] Entries { get; }

    /// <summary>Number of distinct lookup keys.</summary>
    public int KeyCount => _keys.Count;

    /// <summary>Reads the gzip'd TSV written by tools/gazetteer/build-gazetteer.js.</summary>
    public static GazetteerIndex Load(Stream gzipStream)
    {
        using var gzip = new GZipStream(gzipStream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var entries = new List<GazetteerEntry>(110_000);
        var keys = new Dictionary<string, int>(400_000, StringComparer.Ordinal);
        var multiHits = new List<int[]>(40_000);
        var columns = new string[8];
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var count = Split(line, columns);
            if (count < 6)
            {
                throw new InvalidDataException($"Gazetteer line {entries.Count + 1} has {count} columns, expected 8.");
            }

            var entry = new GazetteerEntry(
                columns[0],
                string.Intern(columns[2]),
                double.Parse(columns[3], NumberStyles.Float, CultureInfo.InvariantCulture),
                double.Parse(columns[4], NumberStyles.Float, CultureInfo.InvariantCulture),
                int.Parse(columns[5], NumberStyles.Integer, CultureInfo.InvariantCulture));
            var position = entries.Count;
            entries.Add(entry);

            AddName(keys, multiHits, position, columns[0], NameRank.Own);
            if (columns[1].Length > 0)
            {
                AddName(keys, multiHits, position, columns[1], NameRank.Own);
            }

            if (count > 6)
            {
                foreach (var name in columns[6].Split('|', StringSplitOptions.RemoveEmptyEntries))
                {
                    AddName(keys, multiHits, position, name, NameRank.Own);
                }
            }

            if (count > 7)
            {
                foreach (var name in columns[7].Split('|', StringSplitOptions.RemoveEmptyEntries))
                {
                    AddName(keys, multiHits, position, name, NameRank.Alternate);
                }
            }
        }

        return new GazetteerIndex([.. entries], keys, multiHits);
    }

    /// <summary>The places <paramref name="key"/> names, with how it names them; empty when none.</summary>
    public IEnumerable<(GazetteerEntry Entry, NameRank Rank)> Hits(string key)
    {
        if (!_keys.TryGetValue(key, out var value))
        {
            yield break;
        }

        if (value >= 0)
        {
            yield return (Entries[value >> 2], (NameRank)(value & 3));
            yield break;
        }

        foreach (var hit in _multiHits[~value])
        {
            yield return (Entries[hit >> 2], (NameRank)(hit & 3));
        }
    }

    /// <summary>True when <paramref name="key"/> names at least one place.</summary>
    public bool Contains(string key) => _keys.ContainsKey(key);

    private static void AddName(Dictionary<string, int> keys, List<int[]> multiHits, int position, string name, NameRank rank)
    {
        var words = PlaceNameKey.Words(name);
        AddKey(keys, multiHits, position, PlaceNameKey.Join(words, words.Count), rank);
        var transcribed = PlaceNameKey.TranscribeUmlauts(name);
        if (transcribed is not null)
        {
            AddKey(keys, multiHits, position, PlaceNameKey.Of(transcribed), rank);
        }

        var qualifier = PlaceNameKey.QualifierStart(words);
        if (qualifier > 0)
        {
            AddKey(keys, multiHits, position, PlaceNameKey.Join(words, qualifier), rank == NameRank.Own ? NameRank.CoreOfOwn : NameRank.Alternate);
        }
    }

    private static void AddKey(Dictionary<string, int> keys, List<int[]> multiHits, int position, string key, NameRank rank)
    {
        if (key.Length == 0)
        {
            return;
        }

        var hit = (position << 2) | (int)rank;
        if (!keys.TryGetValue(key, out var existing))
        {
            keys.Add(key, hit);
            return;
        }

        if (existing >= 0)
        {
            if (existing >> 2 == position)
            {
                // The same place under the same key again (name and ASCII name): keep the better rank.
                keys[key] = Math.Min(existing, hit);
                return;
            }

            multiHits.Add([existing, hit]);
            keys[key] = ~(multiHits.Count - 1);
            return;
        }

        var hits = multiHits[~existing];
        var last = hits[^1];
        if (last >> 2 == position)
        {
            hits[^1] = Math.Min(last, hit);
            return;
        }

        var grown = new int[hits.Length + 1];
        hits.CopyTo(grown, 0);
        grown[^1] = hit;
        multiHits[~existing] = grown;
    }

    private static int Split(string line, string[] columns)
    {
        var count = 0;
        var start = 0;
        while (count < columns.Length)
        {
            var tab = line.IndexOf('\t', start);
            if (tab < 0)
            {
                columns[count++] = line[start..];
                break;
            }

            columns[count++] = line[start..tab];
            start = tab + 1;
        }

        for (var i = count; i < columns.Length; i++)
        {
            columns[i] = string.Empty;
        }

        return count;
    }
}
