using Microsoft.Extensions.Time.Testing;
using Winnerr.Sms.Core.Outbox;

namespace Winnerr.Sms.Tests.Domain.Outbox;

public class SenderPacerTests
{
    private const string Sender = "+15005550006";
    private static readonly TimeSpan Guard = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan Spacing = TimeSpan.FromSeconds(1) + Guard;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task WhenTimersAreOnTime_ThenCallsStartOnACadenceOfOneSecondPlusGuardPerN()
    {
        var pacer = new SenderPacer(5, _clock, Guard);
        var first = _clock.GetUtcNow();
        var starts = new List<DateTimeOffset>();
        for (var i = 0; i < 12; i++)
        {
            var slot = pacer.Reserve(Sender);
            var start = pacer.StartAsync(Sender, slot, CancellationToken.None);
            if (slot > _clock.GetUtcNow()) _clock.Advance(slot - _clock.GetUtcNow());
            starts.Add(await start.WaitAsync(TimeSpan.FromSeconds(10)));
        }

        Assert.Equal(Enumerable.Range(0, 12).Select(i => first + Spacing / 5 * i), starts);
    }

    [Fact]
    public async Task WhenATimerFiresLate_ThenTheCallsCatchUpButNeverMoreThanNStartInASecond()
    {
        var pacer = new SenderPacer(5, _clock, Guard);
        var t0 = _clock.GetUtcNow();
        var calls = Enumerable.Range(0, 10).Select(_ => pacer.StartAsync(Sender, pacer.Reserve(Sender), CancellationToken.None)).ToList();
        await calls[0].WaitAsync(TimeSpan.FromSeconds(10));

        // Every slot is due at once, as after a stalled machine: five more start now (the first is a second behind).
        _clock.Advance(TimeSpan.FromSeconds(3));
        Assert.True(SpinWait.SpinUntil(() => calls.Count(c => c.IsCompleted) >= 6, TimeSpan.FromSeconds(10)));
        Assert.Equal(6, calls.Count(c => c.IsCompleted));

        _clock.Advance(Spacing);
        var starts = (await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(10))).Order().ToList();

        var late = t0 + TimeSpan.FromSeconds(3);
        Assert.Equal([t0, late, late, late, late, late, late + Spacing, late + Spacing, late + Spacing, late + Spacing], starts);
    }

    [Fact]
    public async Task EachSenderHasItsOwnPace()
    {
        var pacer = new SenderPacer(1, _clock, Guard);
        var a = await pacer.StartAsync(Sender, pacer.Reserve(Sender), CancellationToken.None);
        var b = await pacer.StartAsync("+15005550007", pacer.Reserve("+15005550007"), CancellationToken.None);
        var secondOfA = pacer.StartAsync(Sender, pacer.Reserve(Sender), CancellationToken.None);

        Assert.Equal(a, b);
        Assert.False(secondOfA.IsCompleted);
        _clock.Advance(Spacing);
        Assert.Equal(a + Spacing, await secondOfA.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task WhenPacingIsOff_ThenEveryCallStartsAtOnce()
    {
        var pacer = new SenderPacer(0, _clock, Guard);
        var starts = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => pacer.StartAsync(Sender, pacer.Reserve(Sender), CancellationToken.None)));
        Assert.All(starts, s => Assert.Equal(_clock.GetUtcNow(), s));
        Assert.Equal(50, pacer.Available(Sender, _clock.GetUtcNow(), 50));
    }
}
