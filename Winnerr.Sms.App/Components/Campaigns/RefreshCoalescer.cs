namespace Winnerr.Sms.App.Components.Campaigns;

/// <summary>
/// Many changes, one refresh: a 5,000-recipient campaign sends hundreds of status events a second, and the page
/// re-counts at most once per <c>interval</c>, always once more after the last event so it ends true.
/// </summary>
public sealed class RefreshCoalescer(TimeSpan interval, Func<Task> refresh) : IDisposable
{
    private readonly Lock _gate = new();
    private bool _scheduled, _disposed;

    public void Request()
    {
        lock (_gate)
        {
            if (_scheduled || _disposed) return;
            _scheduled = true;
        }
        _ = RunAsync();
    }

    private async Task RunAsync()
    {
        await Task.Delay(interval);
        lock (_gate)
        {
            // Events from here on schedule the next refresh: this one may already have read past them.
            _scheduled = false;
            if (_disposed) return;
        }
        await refresh();
    }

    public void Dispose()
    {
        lock (_gate) _disposed = true;
    }
}
