using System.Collections.Concurrent;
using FleetManager.Core.Pipeline;

namespace FleetManager.Service;

/// <summary>
/// Cursors kept in memory: the stand-in until the store's own <see cref="ICursorStore"/> is registered.
/// A restart forgets them, which costs one bounded re-read that the ledger dedupes (folder sources keep no cursor).
/// </summary>
internal sealed class InMemoryCursorStore : ICursorStore
{
    private readonly ConcurrentDictionary<string, string> _cursors = new(StringComparer.Ordinal);

    public string? GetCursor(string source) => _cursors.TryGetValue(source, out var cursor) ? cursor : null;

    public void SaveCursor(string source, string cursor, DateTimeOffset savedAt) => _cursors[source] = cursor;
}
