using Microsoft.Extensions.Time.Testing;
using Winnerr.Sms.Core.Outbox;

namespace Winnerr.Sms.Tests.Domain.Outbox;

public class SenderPacerTests
{
    private const string Sender = "+15005550006";
    private static readonly TimeSpan Guard = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan Spacing = TimeSpan.FromSeconds(1) + Guard;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly CountingClock _clock = new(new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero));

    private Task<DateTimeOffset> Start(SenderPacer pacer, int priority = OutboxPriority.Bulk, string sender = Sender, CancellationToken ct = default) =>
        pacer.StartAsync(sender, priority, ct);

    [Fact]
    public async Task CallsWaitingTogether_StartOnACadenceOfOneSecondPlusGuardPerN()
    {
        var pacer = new SenderPacer(5, _clock, Guard);
        var t0 = _clock.GetUtcNow();
        var calls = Enumerable.Range(0, 12).Select(_ => Start(pacer)).ToList();

        var starts = new List<DateTimeOffset>();
        starts.Add(await calls[0].WaitAsync(Wait));
        foreach (var call in calls.Skip(1))
        {
            await StepAsync(Spacing / 5, call);
            starts.Add(await call);
        }

        Assert.Equal(Enumerable.Range(0, 12).Select(i => t0 + Spacing / 5 * i), starts);
        Assert.All(starts.Zip(starts.Skip(5)), p => Assert.True(p.Second - p.First >= Spacing));
    }

    [Fact]
    public async Task AReply_GoesAheadOfBulkTextsAlreadyWaiting()
    {
        var pacer = new SenderPacer(5, _clock, Guard);
        var bulk = Enumerable.Range(0, 4).Select(_ => Start(pacer)).ToList();
        await bulk[0].WaitAsync(Wait);
        var reply = Start(pacer, OutboxPriority.OneToOne);

        await StepAsync(Spacing / 5, reply);

        Assert.Equal(_clock.GetUtcNow(), await reply);
        Assert.Equal(1, bulk.Count(b => b.IsCompleted));
    }

    [Fact]
    public async Task ACancelledWait_GivesItsTurnToTheNext()
    {
        var pacer = new SenderPacer(5, _clock, Guard);
        var first = await Start(pacer).WaitAsync(Wait);
        using var cancel = new CancellationTokenSource();
        var given = Start(pacer, ct: cancel.Token);
        var next = Start(pacer);

        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => given);
        await StepAsync(Spacing / 5, next);

        Assert.Equal(first + Spacing / 5, await next.WaitAsync(Wait));
        Assert.Equal(_clock.GetUtcNow() + Spacing / 5, pacer.QueuedUntil(Sender));
    }

    [Fact]
    public async Task EachSenderHasItsOwnPace()
    {
        var pacer = new SenderPacer(1, _clock, Guard);
        var a = await Start(pacer).WaitAsync(Wait);
        var b = await Start(pacer, sender: "+15005550007").WaitAsync(Wait);
        var secondOfA = Start(pacer);

        Assert.Equal(a, b);
        await StepAsync(Spacing, secondOfA);
        Assert.Equal(a + Spacing, await secondOfA.WaitAsync(Wait));
    }

    [Fact]
    public void Available_CountsTheCallsAlreadyWaiting()
    {
        var pacer = new SenderPacer(5, _clock, Guard);
        var now = _clock.GetUtcNow();
        Assert.Equal(5, pacer.Available(Sender, now + Spacing - Spacing / 5, 200));
        _ = Enumerable.Range(0, 3).Select(_ => Start(pacer)).ToList();
        Assert.Equal(2, pacer.Available(Sender, now + Spacing - Spacing / 5, 200));
    }

    [Fact]
    public async Task WhenPacingIsOff_ThenEveryCallStartsAtOnce()
    {
        var pacer = new SenderPacer(0, _clock, Guard);
        var starts = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Start(pacer)));
        Assert.All(starts, s => Assert.Equal(_clock.GetUtcNow(), s));
        Assert.Equal(50, pacer.Available(Sender, _clock.GetUtcNow(), 50));
    }

    /// <summary>
    /// Moves the fake clock on by <paramref name="by"/> once the pacer has gone to sleep on it, and waits (in real time)
    /// for <paramref name="call"/> to start. The clock moves only while the pacer sleeps, so each start is stamped with
    /// exactly the step it was due at.
    /// </summary>
    private async Task StepAsync(TimeSpan by, Task call)
    {
        Assert.False(call.IsCompleted);
        // Yielding lets the pacer finish its turn when this test was resumed inline by the start it gave.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!_clock.HasNewTimer())
        {
            if (watch.Elapsed > Wait) throw new TimeoutException("The pacer never went to sleep on the clock.");
            await Task.Yield();
        }
        _clock.Advance(by);
        await call.WaitAsync(Wait);
    }

    /// <summary>A fake clock that tells whether anyone set a timer on it since it last moved.</summary>
    private sealed class CountingClock(DateTimeOffset start) : TimeProvider
    {
        private readonly FakeTimeProvider _inner = new(start);
        private int _timers, _seen;

        public bool HasNewTimer() => Volatile.Read(ref _timers) > _seen;

        public void Advance(TimeSpan by)
        {
            _seen = Volatile.Read(ref _timers);
            _inner.Advance(by);
        }

        public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow();
        public override long GetTimestamp() => _inner.GetTimestamp();
        public override long TimestampFrequency => _inner.TimestampFrequency;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = _inner.CreateTimer(callback, state, dueTime, period);
            Interlocked.Increment(ref _timers);
            return timer;
        }
    }
}
