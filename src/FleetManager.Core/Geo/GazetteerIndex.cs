using System.Runtime.CompilerServices;
using System.IO.Compression;
using System.Text;

namespace FleetManager.Core.Geo;

/// <summary>
/// The loaded gazetteer: its places and a key → places map. Built once, read-only afterwards,
/// so it is safe to share between threads.
/// </summary>
/// <remarks>
/// Kept compact, since it stays in memory for the whole import: the places are parallel arrays
/// (names in one character pool, coordinates as integers) and the keys live in a
/// <see cref="SpanKeyTable"/>, so ~100,000 places and ~135,000 keys are a dozen large arrays
/// (~10 MB) rather than ~400,000 small objects (~22 MB) that every full collection would trace.
/// A <see cref="GazetteerEntry"/> is made when a lookup first returns its place, then reused.
/// </remarks>
internal sealed class GazetteerIndex
{
    // A hit packs the place's position and the NameRank into one int: position * 4 + rank.
    // A key with one hit (most of them) stores that int directly; a key with several stores
    // ~n, the hits of group n being _multiHits[_multiStarts[n] .. _multiStarts[n + 1]].
    private readonly SpanKeyTable _keys;
    private readonly int[] _multiStarts;
    private readonly int[] _multiHits;

    // Place i: name _names[_nameStarts[i] .. _nameStarts[i + 1]], country _countries[_countryIds[i]].
    private readonly char[] _names;
    private readonly int[] _nameStarts;
    private readonly byte[] _countryIds;
    private readonly string[] _countries;
    private readonly int[] _latitudesE4;
    private readonly int[] _longitudesE4;
    private readonly int[] _populations;
    private readonly GazetteerEntry?[] _entries;

    private GazetteerIndex(Builder builder)
    {
        _keys = builder.Keys;
        (_multiStarts, _multiHits) = Flatten(builder.MultiHits);
        _names = builder.Names;
        _nameStarts = builder.NameStarts;
        _countryIds = builder.CountryIds;
        _countries = [.. builder.Countries];
        _latitudesE4 = builder.LatitudesE4;
        _longitudesE4 = builder.LongitudesE4;
        _populations = builder.Populations;
        _entries = new GazetteerEntry?[builder.Count];
    }

    /// <summary>Number of places.</summary>
    public int Count => _entries.Length;

    /// <summary>Number of distinct lookup keys.</summary>
    public int KeyCount => _keys.Count;

    /// <summary>Reads the Brotli-compressed TSV written by tools/gazetteer/build-gazetteer.js.</summary>
    /// <remarks>
    /// Runs once per process on a cold path, so it is compiled optimised straight away and parses
    /// the UTF-8 bytes in place: nothing but the final arrays is allocated per place or key.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static GazetteerIndex Load(Stream brotliStream)
    {
        byte[] data;
        int dataLength;
        using (var brotli = new BrotliStream(brotliStream, CompressionMode.Decompress))
        using (var buffer = new MemoryStream(6 << 20))
        {
            brotli.CopyTo(buffer);
            data = buffer.GetBuffer();
            dataLength = (int)buffer.Length;
        }

        var builder = new Builder(data.AsSpan(0, dataLength).Count((byte)'\n') + 1, dataLength);
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

            var entryName = Decode(name, names);
            var position = builder.AddPlace(entryName, countryBytes, latitudeE4, longitudeE4, population);
            builder.AddName(position, entryName, NameRank.Own);
            builder.AddBilingualParts(position, entryName);
            builder.AddBracketedCore(position, entryName);
            builder.AddNames(position, Decode(asciiName, names), NameRank.Own);
            builder.AddNames(position, Decode(curatedBytes, names), NameRank.Own);
            builder.AddNames(position, Decode(alternateBytes, names), NameRank.Alternate);
        }

        return new GazetteerIndex(builder);
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
            yield return (Entry(value >> 2), (NameRank)(value & 3));
            yield break;
        }

        for (var i = _multiStarts[~value]; i < _multiStarts[~value + 1]; i++)
        {
            var hit = _multiHits[i];
            yield return (Entry(hit >> 2), (NameRank)(hit & 3));
        }
    }

    /// <summary>True when <paramref name="key"/> names at least one place.</summary>
    public bool Contains(string key) => _keys.ContainsKey(key);

    /// <summary>The place at <paramref name="position"/>, made on first use and then shared.</summary>
    private GazetteerEntry Entry(int position)
    {
        // A race makes two equal records and keeps one of them; records compare by value, so
        // nobody can tell.
        return _entries[position] ??= new GazetteerEntry(
            new string(_names, _nameStarts[position], _nameStarts[position + 1] - _nameStarts[position]),
            _countries[_countryIds[position]],
            _latitudesE4[position] / 1e4,
            _longitudesE4[position] / 1e4,
            _populations[position]);
    }

    private static (int[] Starts, int[] Hits) Flatten(List<int[]> groups)
    {
        var starts = new int[groups.Count + 1];
        var total = 0;
        for (var i = 0; i < groups.Count; i++)
        {
            starts[i] = total;
            total += groups[i].Length;
        }

        starts[groups.Count] = total;
        var hits = new int[total];
        for (var i = 0; i < groups.Count; i++)
        {
            groups[i].CopyTo(hits, starts[i]);
        }

        return (starts, hits);
    }

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

    /// <summary>Collects places and keys while loading; one instance per load, not shared.</summary>
    private sealed class Builder
    {
        private readonly Dictionary<int, byte> _countryIdsByCode = [];
        private int _nameLength;

        public Builder(int placeCapacity, int fileLength)
        {
            // The file's size bounds the names' (UTF-16 never has more code units than UTF-8 bytes),
            // and keys are folded names: ~1.3 per place, ~10 characters each.
            Names = new char[Math.Max(16, fileLength / 4)];
            NameStarts = new int[placeCapacity + 1];
            CountryIds = new byte[placeCapacity];
            LatitudesE4 = new int[placeCapacity];
            LongitudesE4 = new int[placeCapacity];
            Populations = new int[placeCapacity];
            Keys = new SpanKeyTable(placeCapacity * 3 / 2, placeCapacity * 15);
        }

        public int Count { get; private set; }

        public char[] Names { get; private set; }

        public int[] NameStarts { get; }

        public byte[] CountryIds { get; }

        public List<string> Countries { get; } = [];

        public int[] LatitudesE4 { get; }

        public int[] LongitudesE4 { get; }

        public int[] Populations { get; }

        public SpanKeyTable Keys { get; }

        public List<int[]> MultiHits { get; } = new(40_000);

        public int AddPlace(ReadOnlySpan<char> name, ReadOnlySpan<byte> country, int latitudeE4, int longitudeE4, int population)
        {
            var position = Count++;
            var code = (country[0] << 8) | country[1];
            if (!_countryIdsByCode.TryGetValue(code, out var countryId))
            {
                countryId = checked((byte)Countries.Count);
                Countries.Add(System.Text.Encoding.ASCII.GetString(country));
                _countryIdsByCode.Add(code, countryId);
            }

            if (_nameLength + name.Length > Names.Length)
            {
                var grown = Names;
                Array.Resize(ref grown, Math.Max(Names.Length * 3 / 2, _nameLength + name.Length));
                Names = grown;
            }

            NameStarts[position] = _nameLength;
            name.CopyTo(Names.AsSpan(_nameLength));
            _nameLength += name.Length;
            NameStarts[position + 1] = _nameLength;
            CountryIds[position] = countryId;
            LatitudesE4[position] = latitudeE4;
            LongitudesE4[position] = longitudeE4;
            Populations[position] = population;
            return position;
        }

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

        /// <summary>
        /// Each side of a bilingual own name ("Arrasate / Mondragón", "Donostia / San Sebastián"), which mail writes
        /// in one language only. Only " / " with spaces: "Neustadt/Süd" is one name; and not a district's name
        /// ("Zürich (Kreis 9) / Altstetten"), whose first side would stand for the city.
        /// </summary>
        public void AddBilingualParts(int position, ReadOnlySpan<char> name)
        {
            if (name.Contains('('))
            {
                return;
            }

            while (name.IndexOf(" / ") is var slash and >= 0)
            {
                AddName(position, name[..slash], NameRank.Own);
                name = name[(slash + 3)..];
                if (name.IndexOf(" / ") < 0)
                {
                    AddName(position, name, NameRank.Own);
                }
            }
        }

        /// <summary>
        /// A place's name without its bracketed qualifier ("Kempten" of "Kempten (Allgäu)", "Frankfurt" of "Frankfurt
        /// (Oder)"), as mail writes it; ranked as the core of a name ("Frankfurt" of "Frankfurt am Main") is. Only the
        /// place's own name: "Bergen (Henegouwen)", a name Mons has in Dutch, would make every Bergen ambiguous.
        /// </summary>
        public void AddBracketedCore(int position, ReadOnlySpan<char> name)
        {
            var bracket = name.IndexOf(" (");
            if (bracket > 0)
            {
                AddName(position, name[..bracket], NameRank.CoreOfOwn);
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

            if (name.IndexOfAny(PlaceNameKey.Umlauts) >= 0)
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
            ref var slot = ref Keys.GetValueRefOrAddDefault(key, out var exists);
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
