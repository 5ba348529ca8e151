namespace FleetManager.Storage;

/// <summary>Checks the configured outbox sink names once, at open.</summary>
internal static class OutboxSinkNames
{
    public static IReadOnlyList<string> Validate(string location, IEnumerable<string> sinks)
    {
        var names = new List<string>();
        foreach (var sink in sinks)
        {
            if (string.IsNullOrWhiteSpace(sink) || sink.Trim() != sink || sink.Length > 64)
            {
                throw new OrderBookUnavailableException(
                    location, $"the outbox sink name '{sink}' is not valid (Storage:OutboxSinks takes short names such as 'sheets')");
            }

            if (!names.Contains(sink, StringComparer.Ordinal))
            {
                names.Add(sink);
            }
        }

        return names;
    }
}
