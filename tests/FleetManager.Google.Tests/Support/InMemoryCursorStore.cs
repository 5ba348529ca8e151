using System.Collections.Concurrent;
using FleetManager.Core.Pipeline;

namespace FleetManager.Google.Tests.Support;

/// <summary>Cursors in memory (the storage project's stores are tested there).</summary>
internal sealed class InMemoryCursorStore : ICursorStore
{
    public ConcurrentDictionary<string, string> Cursors { get; } = new(StringComparer.Ordinal);

    public string? GetCursor(string source) => Cursors.TryGetValue(source, out var cursor) ? cursor : null;

    public void SaveCursor(string source, string cursor, DateTimeOffset savedAt) => Cursors[source] = cursor;

    public ValueTask<string?> GetCursorAsync(string source, CancellationToken cancellationToken) => ValueTask.FromResult(GetCursor(source));

    public ValueTask SaveCursorAsync(string source, string cursor, DateTimeOffset savedAt, CancellationToken cancellationToken)
    {
        SaveCursor(source, cursor, savedAt);
        return ValueTask.CompletedTask;
    }
}
