using FleetManager.Service;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace FleetManager.Tests.Service;

public sealed class IdleMemoryReleaserTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));
    private int _cacheReleases;
    private int _pageOuts;

    [Fact]
    public void PollFinished_FirstPollAfterStart_ReleasesOnceIdleForTheDelay()
    {
        using var releaser = Create(Delay);
        Poll(releaser, readMessages: false);

        _time.Advance(Delay - TimeSpan.FromSeconds(1));
        Assert.Equal(0, releaser.Releases);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, releaser.Releases);
        Assert.Equal(1, _cacheReleases);
        Assert.Equal(1, _pageOuts);
    }

    [Fact]
    public void PollFinished_EmptyPolls_NeitherPostponeNorRepeatTheRelease()
    {
        using var releaser = Create(Delay);
        for (var i = 0; i < 20; i++)
        {
            // A watched folder polled every 5 s: the first release still comes 30 s after the first poll, and once.
            Poll(releaser, readMessages: false);
            _time.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.Equal(1, releaser.Releases);
    }

    [Fact]
    public void PollFinished_PollsWithMail_ReleaseOnlyOnceIdleAfterTheLast()
    {
        using var releaser = Create(Delay);
        Poll(releaser, readMessages: false);
        _time.Advance(Delay);
        Assert.Equal(1, releaser.Releases);

        Poll(releaser, readMessages: true);
        _time.Advance(TimeSpan.FromSeconds(20));
        Poll(releaser, readMessages: true);
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(1, releaser.Releases);
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(2, releaser.Releases);
        Assert.Equal(2, _cacheReleases);
    }

    [Fact]
    public void PollFinished_PollRunningWhenIdleTimeIsUp_ReleasesAsSoonAsItEnds()
    {
        using var releaser = Create(Delay);
        Poll(releaser, readMessages: true);
        _time.Advance(TimeSpan.FromSeconds(29));
        releaser.PollStarting();
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, releaser.Releases);

        _time.Advance(TimeSpan.FromSeconds(2));
        releaser.PollFinished(readMessages: false);
        _time.Advance(TimeSpan.Zero);
        Assert.Equal(1, releaser.Releases);
    }

    [Fact]
    public void PollFinished_PollRunningWhenIdleTimeIsUpReadsMail_ReleasesOneDelayAfterIt()
    {
        using var releaser = Create(Delay);
        Poll(releaser, readMessages: true);
        _time.Advance(Delay - TimeSpan.FromSeconds(1));
        releaser.PollStarting();
        _time.Advance(TimeSpan.FromSeconds(1));

        releaser.PollFinished(readMessages: true);
        _time.Advance(Delay - TimeSpan.FromSeconds(1));
        Assert.Equal(0, releaser.Releases);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, releaser.Releases);
    }

    [Fact]
    public void PollFinished_PollsOnACadenceThatDividesTheDelay_DoNotKeepPostponingTheRelease()
    {
        // Polls every 5 s from the first one's start, each running 20 ms; the timer is armed when the first ends (10 ms
        // in), so it comes due in the middle of the seventh poll, and would again each time it came round.
        using var releaser = Create(Delay);
        for (var i = 0; i < 7; i++)
        {
            var lasting = TimeSpan.FromMilliseconds(i == 0 ? 10 : 20);
            Poll(releaser, readMessages: false, lasting);
            _time.Advance(TimeSpan.FromSeconds(5) - lasting);
        }

        Assert.Equal(1, releaser.Releases);
    }

    [Fact]
    public void OnIdle_RepeatDueDuringAPoll_PagesOutWhenItEnds()
    {
        using var releaser = Create(Delay);
        Poll(releaser, readMessages: false);
        _time.Advance(Delay);
        releaser.PollStarting();
        _time.Advance(Delay * IdleMemoryReleaser.RepeatAfterDelays);
        Assert.Equal(1, _pageOuts);

        releaser.PollFinished(readMessages: false);
        _time.Advance(TimeSpan.Zero);
        Assert.Equal((1, 1, 2), (releaser.Releases, _cacheReleases, _pageOuts));
    }

    [Fact]
    public void OnIdle_TenDelaysAfterARelease_PagesTheMappedFilesOutOnceMoreAndNothingElse()
    {
        using var releaser = Create(Delay);
        Poll(releaser, readMessages: false);
        _time.Advance(Delay);
        Assert.Equal((1, 1, 1), (releaser.Releases, _cacheReleases, _pageOuts));

        for (var elapsed = TimeSpan.Zero; elapsed < Delay * (IdleMemoryReleaser.RepeatAfterDelays - 1); elapsed += TimeSpan.FromSeconds(5))
        {
            // Empty polls of a watched folder neither hasten nor postpone it.
            Poll(releaser, readMessages: false);
            _time.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.Equal(1, _pageOuts);
        _time.Advance(Delay);
        Assert.Equal((1, 1, 2), (releaser.Releases, _cacheReleases, _pageOuts));

        _time.Advance(Delay * 100);
        Assert.Equal(2, _pageOuts);
    }

    [Fact]
    public void OnIdle_MailReadBeforeTheRepeat_ReleasesAfterTheDelayAndRepeatsTenDelaysAfterThat()
    {
        using var releaser = Create(Delay);
        Poll(releaser, readMessages: false);
        _time.Advance(Delay);
        _time.Advance(Delay * 3);

        Poll(releaser, readMessages: true);
        _time.Advance(Delay);
        Assert.Equal((2, 2, 2), (releaser.Releases, _cacheReleases, _pageOuts));

        _time.Advance(Delay * IdleMemoryReleaser.RepeatAfterDelays);
        Assert.Equal((2, 2, 3), (releaser.Releases, _cacheReleases, _pageOuts));
    }

    [Fact]
    public void PollFinished_DelayZero_NeverReleases()
    {
        using var releaser = Create(TimeSpan.Zero);
        Poll(releaser, readMessages: true);
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, releaser.Releases);
        Assert.Equal(0, _cacheReleases);
        Assert.Equal(0, _pageOuts);
    }

    private IdleMemoryReleaser Create(TimeSpan delay) =>
        new(
            Options.Create(new ServiceOptions { IdleMemoryRelease = delay }),
            _time,
            NullLogger<IdleMemoryReleaser>.Instance,
            () =>
            {
                _cacheReleases++;
                return true;
            },
            () =>
            {
                _pageOuts++;
                return 0;
            });

    private void Poll(IdleMemoryReleaser releaser, bool readMessages, TimeSpan lasting = default)
    {
        releaser.PollStarting();
        _time.Advance(lasting);
        releaser.PollFinished(readMessages);
    }
}
