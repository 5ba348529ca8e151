using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
    /// <remarks>
    /// Runs once per process on a cold path, so it is compiled optimised straight away and parses
    /// the UTF-8 bytes in place: only the place names and the keys become strings.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static GazetteerIndex Load(Stream gzipStream)
    {
        byte[] data;
        int dataLength;
        using (var gzip = new GZipStream(gzipStream, CompressionMode.Decompress))
        using (var buffer = new MemoryStream(6 << 20))
        {
            gzip.CopyTo(buffer);
            data = buffer.GetBuffer();
            dataLength = (int)buffer.Length;
        }

        var entries = new List<GazetteerEntry>(110_000);
        var builder = new Builder();
        var countries = new Dictionary<int, string>();
        Span<char> names = stackalloc char[4096];
        ReadOnlySpan<byte> rest = data.AsSpan(0, dataLength);
        var lineNumber = 0;
        while (!rest.IsEmpty)
        {
            var newline = rest.IndexOf((byte)'\n');
            var line = newline < 0 ? rest : rest[..newline];
            rest = newline < 0 ? [] : rest[(newline + 1)..];
            lineNumber++;
            if (line.IsEmpty)
            {
                continue;
            }

            var name = NextColumn(ref line);
            var asciiName = NextColumn(ref line);
            var countryBytes = NextColumn(ref line);
            var latitudeBytes = NextColumn(ref line);
            var longitudeBytes = NextColumn(ref line);
            var populationBytes = NextColumn(ref line);
            var curatedBytes = NextColumn(ref line);
            var alternateBytes = line;
            if (countryBytes.Length != 2
                || !TryParseInt(latitudeBytes, out var latitudeE4)
                || !TryParseInt(longitudeBytes, out var longitudeE4)
                || !TryParseInt(populationBytes, out var population))
            {
                throw new InvalidDataException($"Gazetteer line {lineNumber} is not name, ascii name, country, latitude, longitude, population, names, names.");
            }

            var countryId = (countryBytes[0] << 8) | countryBytes[1];
            if (!countries.TryGetValue(countryId, out var country))
            {
                country = Encoding.ASCII.GetString(countryBytes);
                countries.Add(countryId, country);
            }

            var entryName = Encoding.UTF8.GetString(name);
            var position = entries.Count;
            entries.Add(new GazetteerEntry(entryName, country, latitudeE4 / 1e4, longitudeE4 / 1e4, population));
            builder.AddName(position, entryName, NameRank.Own);
            builder.AddNames(position, Decode(asciiName, names), NameRank.Own);
            builder.AddNames(position, Decode(curatedBytes, names), NameRank.Own);
            builder.AddNames(position, Decode(alternateBytes, names), NameRank.Alternate);
        }

        return new GazetteerIndex([.. entries], builder.Keys, builder.MultiHits);
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

    // Integers in the file are plain ASCII digits with an optional minus sign; a hand-written loop
    // is several times faster than the general number parsers here.
    private static bool TryParseInt(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        var negative = !digits.IsEmpty && digits[0] == (byte)'-';
        if (negative)
        {
            digits = digits[1..];
        }

        if (digits.IsEmpty || digits.Length > 10)
        {
            return false;
        }

        long result = 0;
        foreach (var b in digits)
        {
            var digit = b - (byte)'0';
            if ((uint)digit > 9)
            {
                return false;
            }

            result = (result * 10) + digit;
        }

        result = negative ? -result : result;
        if (result is < int.MinValue or > int.MaxValue)
        {
            return false;
        }

        value = (int)result;
        return true;
    }

    private static ReadOnlySpan<byte> NextColumn(ref ReadOnlySpan<byte> line)
    {
        var tab = line.IndexOf((byte)'\t');
        if (tab < 0)
        {
            var last = line;
            line = [];
            return last;
        }

        var column = line[..tab];
        line = line[(tab + 1)..];
        return column;
    }

    private static ReadOnlySpan<char> Decode(ReadOnlySpan<byte> utf8, Span<char> buffer)
    {
        if (utf8.IsEmpty)
        {
            return [];
        }

        if (Encoding.UTF8.GetMaxCharCount(utf8.Length) > buffer.Length)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        return buffer[..Encoding.UTF8.GetChars(utf8, buffer)];
    }

    /// <summary>Collects keys while loading; one instance per load, not shared.</summary>
    private sealed class Builder
    {
        public Dictionary<string, int> Keys { get; } = new(150_000, StringComparer.Ordinal);

        public List<int[]> MultiHits { get; } = new(40_000);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void AddNames(int position, ReadOnlySpan<char> names, NameRank rank)
        {
            // Plain IndexOf rather than Split: the loader runs once, cold, and every generic
            // enumerator it touches is one more method to JIT before the first lookup.
            while (!names.IsEmpty)
            {
                var bar = names.IndexOf('|');
                AddName(position, bar < 0 ? names : names[..bar], rank);
                names = bar < 0 ? [] : names[(bar + 1)..];
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void AddName(int position, ReadOnlySpan<char> name, NameRank rank)
        {
            if (name.IsEmpty)
            {
                return;
            }

            Span<char> folded = stackalloc char[PlaceNameKey.MaxFoldedLength];
            Span<char> key = stackalloc char[PlaceNameKey.MaxFoldedLength];
            var foldedLength = PlaceNameKey.FoldWords(name, folded);
            var keyLength = PlaceNameKey.KeyOfFolded(folded[..foldedLength], key, out var coreLength);
            AddKey(position, key[..keyLength], rank);
            if (coreLength > 0)
            {
                AddKey(position, key[..coreLength], rank == NameRank.Own ? NameRank.CoreOfOwn : NameRank.Alternate);
            }

            if (name.IndexOfAny("äöüÄÖÜåÅ") >= 0)
            {
                var transcribed = PlaceNameKey.TranscribeUmlauts(name.ToString())!;
                foldedLength = PlaceNameKey.FoldWords(transcribed, folded);
                keyLength = PlaceNameKey.KeyOfFolded(folded[..foldedLength], key, out _);
                AddKey(position, key[..keyLength], rank);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void AddKey(int position, ReadOnlySpan<char> key, NameRank rank)
        {
            if (key.IsEmpty)
            {
                return;
            }

            var hit = (position << 2) | (int)rank;
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(Keys, new string(key), out var exists);
            if (!exists)
            {
                slot = hit;
                return;
            }

            var existing = slot;
            if (existing >= 0)
            {
                if (existing >> 2 == position)
                {
                    // The same place under the same key again (name and ASCII name): keep the better rank.
                    slot = Math.Min(existing, hit);
                    return;
                }

                MultiHits.Add([existing, hit]);
                slot = ~(MultiHits.Count - 1);
                return;
            }

            var hits = MultiHits[~existing];
            var last = hits[^1];
            if (last >> 2 == position)
            {
                hits[^1] = Math.Min(last, hit);
                return;
            }

            var grown = new int[hits.Length + 1];
            hits.CopyTo(grown, 0);
            grown[^1] = hit;
            MultiHits[~existing] = grown;
        }
    }
}
