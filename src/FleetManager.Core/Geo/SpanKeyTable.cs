using System.Runtime.CompilerServices;

namespace FleetManager.Core.Geo;

/// <summary>
/// A string → int map for the gazetteer's ~135,000 lookup keys that keeps every key in one shared
/// character pool and the table in a few flat arrays, instead of one string object and one
/// dictionary entry per key: about half the memory, and a handful of large objects the GC never
/// has to trace or copy instead of hundreds of thousands of small ones. Keys are looked up by span,
/// so neither loading nor a lookup allocates a string. Not thread-safe while it is being filled;
/// safe for concurrent reads afterwards.
/// </summary>
internal sealed class SpanKeyTable
{
    private char[] _chars;
    private int _charCount;

    // Key i is _chars[_starts[i] .. _starts[i + 1]]; _starts has one slot more than there are keys.
    private int[] _starts;
    private int[] _values;

    // Chained buckets: _buckets[hash & mask] is 1 + the first key of the chain (0: empty);
    // _next[i] is 1 + the key after i in its chain (0: end).
    private int[] _next;
    private int[] _buckets;
    private int _count;

    public SpanKeyTable(int keyCapacity, int charCapacity)
    {
        _chars = new char[charCapacity];
        _starts = new int[keyCapacity + 1];
        _values = new int[keyCapacity];
        _next = new int[keyCapacity];
        _buckets = new int[BucketCountFor(keyCapacity)];
    }

    public int Count => _count;

    public bool ContainsKey(ReadOnlySpan<char> key) => Find(key, HashOf(key)) >= 0;

    public bool TryGetValue(ReadOnlySpan<char> key, out int value)
    {
        var index = Find(key, HashOf(key));
        value = index >= 0 ? _values[index] : 0;
        return index >= 0;
    }

    /// <summary>The value slot of <paramref name="key"/>, added with 0 when new (like CollectionsMarshal's).</summary>
    public ref int GetValueRefOrAddDefault(ReadOnlySpan<char> key, out bool exists)
    {
        var hash = HashOf(key);
        var index = Find(key, hash);
        exists = index >= 0;
        if (exists)
        {
            return ref _values[index];
        }

        if (_count == _values.Length)
        {
            GrowKeys();
        }

        if (_charCount + key.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 3 / 2, _charCount + key.Length));
        }

        index = _count++;
        key.CopyTo(_chars.AsSpan(_charCount));
        _starts[index] = _charCount;
        _charCount += key.Length;
        _starts[index + 1] = _charCount;
        _values[index] = 0;
        ref var bucket = ref _buckets[hash & (_buckets.Length - 1)];
        _next[index] = bucket;
        bucket = index + 1;
        return ref _values[index];
    }

    private int Find(ReadOnlySpan<char> key, int hash)
    {
        for (var entry = _buckets[hash & (_buckets.Length - 1)]; entry != 0; entry = _next[entry - 1])
        {
            var i = entry - 1;
            if (_chars.AsSpan(_starts[i], _starts[i + 1] - _starts[i]).SequenceEqual(key))
            {
                return i;
            }
        }

        return -1;
    }

    private void GrowKeys()
    {
        var capacity = _values.Length * 3 / 2;
        Array.Resize(ref _starts, capacity + 1);
        Array.Resize(ref _values, capacity);
        Array.Resize(ref _next, capacity);
        if (BucketCountFor(capacity) > _buckets.Length)
        {
            _buckets = new int[BucketCountFor(capacity)];
            for (var i = 0; i < _count; i++)
            {
                ref var bucket = ref _buckets[HashOf(_chars.AsSpan(_starts[i], _starts[i + 1] - _starts[i])) & (_buckets.Length - 1)];
                _next[i] = bucket;
                bucket = i + 1;
            }
        }
    }

    // A power of two at least as large as the key capacity: chains stay about one key long.
    private static int BucketCountFor(int keyCapacity) => (int)Math.Min(1u << 30, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, keyCapacity)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int HashOf(ReadOnlySpan<char> key) => string.GetHashCode(key);
}
