namespace FleetManager.StandIns;

/// <summary>
/// Decides which requests fail and how: queued faults first (deterministic scenarios), then a seeded
/// random failure rate (soak scenarios). Thread-safe.
/// </summary>
public sealed class FaultPlan
{
    private readonly Queue<Fault> _queued = new();
    private readonly Lock _lock = new();
    private Random _random = new(1);
    private double _rate;
    private Func<Random, Fault>? _randomFault;

    /// <summary>Faults answered to the next requests, in order.</summary>
    public FaultPlan Enqueue(params Fault[] faults)
    {
        lock (_lock)
        {
            foreach (var fault in faults)
            {
                _queued.Enqueue(fault);
            }
        }

        return this;
    }

    /// <summary>After the queue: each request fails with probability <paramref name="rate"/>, with a fault chosen by <paramref name="choose"/>.</summary>
    public FaultPlan FailRandomly(double rate, Func<Random, Fault> choose, int seed = 1)
    {
        lock (_lock)
        {
            _rate = rate;
            _randomFault = choose;
            _random = new Random(seed);
        }

        return this;
    }

    public Fault? Next()
    {
        lock (_lock)
        {
            if (_queued.TryDequeue(out var fault))
            {
                return fault;
            }

            return _randomFault is not null && _random.NextDouble() < _rate ? _randomFault(_random) : null;
        }
    }
}
