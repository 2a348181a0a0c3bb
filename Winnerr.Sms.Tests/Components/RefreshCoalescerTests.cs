using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Winnerr.Sms.App.Components.Campaigns;
using Winnerr.Sms.App.Realtime;

namespace Winnerr.Sms.Tests.Components;

public class RefreshCoalescerTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly CircuitConnection _connection = new();
    private int _refreshes;

    private RefreshCoalescer Coalescer() => new(TimeSpan.FromSeconds(1), () =>
    {
        Interlocked.Increment(ref _refreshes);
        return Task.CompletedTask;
    }, _connection, _time);

    private static async Task UntilAsync(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(10)) throw new TimeoutException("Never got there.");
            await Task.Yield();
        }
    }

    [Fact]
    public async Task ManyRequestsInOneInterval_RefreshOnce()
    {
        using var coalescer = Coalescer();

        for (var i = 0; i < 100; i++) coalescer.Request();
        _time.Advance(TimeSpan.FromSeconds(1));

        await UntilAsync(() => Volatile.Read(ref _refreshes) == 1);
        coalescer.Request();
        _time.Advance(TimeSpan.FromSeconds(1));
        await UntilAsync(() => Volatile.Read(ref _refreshes) == 2);
    }

    [Fact]
    public async Task WhileTheBrowserIsAway_NothingIsRefreshed_AndTheRefreshOwedRunsWhenItIsBack()
    {
        using var coalescer = Coalescer();
        await _connection.OnConnectionDownAsync(null!, CancellationToken.None);

        coalescer.Request();
        _time.Advance(TimeSpan.FromSeconds(1));
        await UntilAsync(() => coalescer.Owed);
        Assert.Equal(0, Volatile.Read(ref _refreshes));

        await _connection.OnConnectionUpAsync(null!, CancellationToken.None);
        Assert.False(coalescer.Owed);
        _time.Advance(TimeSpan.FromSeconds(1));
        await UntilAsync(() => Volatile.Read(ref _refreshes) == 1);
    }

    [Fact]
    public async Task AReconnectWithNothingOwed_DoesNotRefresh_AndADisposedOneIgnoresTheBrowser()
    {
        var coalescer = Coalescer();
        await _connection.OnConnectionDownAsync(null!, CancellationToken.None);
        await _connection.OnConnectionUpAsync(null!, CancellationToken.None);
        Assert.False(coalescer.Owed);

        await _connection.OnConnectionDownAsync(null!, CancellationToken.None);
        coalescer.Request();
        _time.Advance(TimeSpan.FromSeconds(1));
        await UntilAsync(() => coalescer.Owed);
        coalescer.Dispose();
        await _connection.OnConnectionUpAsync(null!, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(0, Volatile.Read(ref _refreshes));
    }
}
