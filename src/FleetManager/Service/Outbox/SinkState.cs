namespace FleetManager.Service.Outbox;

/// <summary>What the last push of one outbox sink did (for <c>/healthz</c>).</summary>
internal sealed class SinkState(string name)
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _lastPush;
    private long? _depth;
    private string? _lastError;

    public string Name { get; } = name;

    public (DateTimeOffset? LastPush, long? Depth, string? LastError) Snapshot()
    {
        lock (_gate)
        {
            return (_lastPush, _depth, _lastError);
        }
    }

    public void Pushed(DateTimeOffset now, long? depth)
    {
        lock (_gate)
        {
            _lastPush = now;
            _depth = depth;
            _lastError = null;
        }
    }

    public void Failed(long? depth, string error)
    {
        lock (_gate)
        {
            _depth = depth;
            _lastError = error;
        }
    }
}
