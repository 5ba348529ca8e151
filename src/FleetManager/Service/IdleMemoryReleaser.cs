using FleetManager.Core.Geo;
using FleetManager.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FleetManager.Service;

/// <summary>
/// Gives memory back once the service has been idle for <see cref="ServiceOptions.IdleMemoryRelease"/> after
/// reading mail (and once after start): drops the offline gazetteer's places, runs one aggressive, compacting
/// collection, which also returns the freed heap to the operating system, and pages out the executable's
/// pages that start-up touched (<see cref="MappedFilePageOut"/>). A service that polls a quiet mailbox
/// then idles at the size of the runtime and its code instead of the size of its busiest poll.
/// </summary>
/// <remarks>
/// Polls that read nothing neither postpone nor cause a release: a watched folder polled every few seconds
/// must not keep the timer from firing. A poll running when the timer fires defers the release to the moment it ends (and
/// by a whole delay if it read mail): polls start on a fixed cadence from the first one, and the timer is armed when that
/// one ends, so with an interval that divides the delay the timer can fire during a poll every time it comes round.
/// <see cref="RepeatAfterDelays"/> delays after a release the file mappings are paged out once more (nothing else), if
/// no mail was read meanwhile: the kernel leaves pages that another process also maps, and during a blue-green deploy
/// the other colour runs the same executable until the switch, so the release right after start gave back little.
/// </remarks>
internal sealed class IdleMemoryReleaser : IDisposable
{
    private readonly TimeSpan _delay;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<IdleMemoryReleaser> _logger;
    private readonly Lock _gate = new();
    private readonly Func<bool> _releaseCaches;
    private readonly Func<long> _pageOutMappedFiles;
    private ITimer? _timer;
    private int _polling;

    // Set by a release: the file mappings are paged out once more RepeatAfterDelays delays later.
    private bool _repeatPending;

    // Start-up leaves garbage of its own (configuration, host, first poll): it counts as work to release.
    private bool _pending = true;

    // Set when the timer fired during a poll: the release (or its repeat) runs as soon as the last running poll ends.
    private bool _dueAfterPoll;

    public IdleMemoryReleaser(IOptions<ServiceOptions> options, TimeProvider timeProvider, ILogger<IdleMemoryReleaser> logger)
        : this(options, timeProvider, logger, OfflineGazetteer.Shared.Release, MappedFilePageOut.Apply)
    {
    }

    internal IdleMemoryReleaser(
        IOptions<ServiceOptions> options, TimeProvider timeProvider, ILogger<IdleMemoryReleaser> logger, Func<bool> releaseCaches, Func<long> pageOutMappedFiles)
    {
        _delay = options.Value.IdleMemoryRelease;
        _timeProvider = timeProvider;
        _logger = logger;
        _releaseCaches = releaseCaches;
        _pageOutMappedFiles = pageOutMappedFiles;
    }

    /// <summary>
    /// How many delays after a release the file mappings are paged out again: 5 minutes at the default 30 s, longer than
    /// a deploy's gate (6 tries 10 s apart by default) after which the previous colour stops.
    /// </summary>
    internal const int RepeatAfterDelays = 10;

    /// <summary>How many releases have run (for tests and the log).</summary>
    public int Releases { get; private set; }

    public void PollStarting()
    {
        lock (_gate)
        {
            _polling++;
        }
    }

    /// <param name="readMessages">Whether the poll read any message (only then is there much to give back).</param>
    public void PollFinished(bool readMessages)
    {
        lock (_gate)
        {
            _polling--;
            var arm = _pending && _timer is null || readMessages;
            _pending |= readMessages;
            if (arm)
            {
                _dueAfterPoll = false;
                Arm();
            }
            else if (_dueAfterPoll && _polling == 0)
            {
                _dueAfterPoll = false;
                _timer?.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    private void Arm()
    {
        if (_delay <= TimeSpan.Zero)
        {
            return;
        }

        _timer ??= _timeProvider.CreateTimer(_ => OnIdle(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timer.Change(_delay, Timeout.InfiniteTimeSpan);
    }

    private void OnIdle()
    {
        bool repeat;
        lock (_gate)
        {
            if (!_pending && !_repeatPending)
            {
                return;
            }

            if (_polling > 0)
            {
                _dueAfterPoll = true;
                return;
            }

            // Mail read since the last release makes this a whole release (which schedules its own repeat).
            repeat = !_pending;
            _pending = false;
            _repeatPending = !repeat;
            if (_repeatPending)
            {
                _timer?.Change(_delay * RepeatAfterDelays, Timeout.InfiniteTimeSpan);
            }
        }

        if (repeat)
        {
            var again = _pageOutMappedFiles();
            ServiceLog.MappedFilesPagedOutAgain(_logger, again >> 20);
            return;
        }

        var before = GC.GetTotalMemory(forceFullCollection: false);
        var releasedCaches = _releaseCaches();
        // Aggressive: compacts everything and decommits the free space, so the resident size falls, not only the heap.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

        // Last, so the collection's own walk over the executable's type data does not touch its pages again.
        var pagedOut = _pageOutMappedFiles();
        Releases++;
        var after = GC.GetTotalMemory(forceFullCollection: false);
        ServiceLog.MemoryReleased(_logger, releasedCaches, before >> 20, after >> 20, pagedOut >> 20);
    }
}
