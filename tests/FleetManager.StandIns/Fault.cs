namespace FleetManager.StandIns;

/// <summary>One injected failure a stand-in answers a request with instead of the real response.</summary>
public abstract record Fault
{
    /// <summary>No fault: the request is answered normally (to aim a queued fault at a later request).</summary>
    public sealed record None : Fault;

    /// <summary>An HTTP error with a body (and headers such as <c>Retry-After</c>).</summary>
    public sealed record Status(int Code, string Body = "", IReadOnlyDictionary<string, string>? Headers = null) : Fault;

    /// <summary>The connection is dropped before any response (a reset).</summary>
    public sealed record Reset : Fault;

    /// <summary>No answer for this long (a client timeout shorter than this sees a timeout).</summary>
    public sealed record Delay(TimeSpan Duration) : Fault;

    /// <summary>The real response is produced (so the request takes effect) but its body is cut short: an ambiguous failure.</summary>
    public sealed record Truncate : Fault;

    /// <summary>The real response is produced (the request takes effect), then the connection is dropped: ambiguous too.</summary>
    public sealed record ResetAfterEffect : Fault;

    /// <summary>The real response is produced (the request takes effect) but held back this long: the window in which a client is killed after its write landed and before it knew.</summary>
    public sealed record DelayAfterEffect(TimeSpan Duration) : Fault;

    /// <summary>The real response is produced (the request takes effect), then replaced by this HTTP error: a 5xx after the write was applied.</summary>
    public sealed record StatusAfterEffect(int Code, string Body = "") : Fault;
}
