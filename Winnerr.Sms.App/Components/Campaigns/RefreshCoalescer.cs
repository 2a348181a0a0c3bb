using Winnerr.Sms.App.Realtime;

namespace Winnerr.Sms.App.Components.Campaigns;

/// <summary>
/// Many changes, one refresh: a 5,000-recipient campaign sends hundreds of status events a second, and the page
/// re-counts at most once per <c>interval</c>, always once more after the last event so it ends true. While the
/// browser is away (<paramref name="connection"/> down) nothing is re-counted; the refresh owed runs when it is back.
/// </summary>
public sealed class RefreshCoalescer : IDisposable
{
    private readonly TimeSpan _interval;
    private readonly Func<Task> _refresh;
    private readonly CircuitConnection? _connection;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private bool _scheduled, _owed, _disposed;

    public RefreshCoalescer(TimeSpan interval, Func<Task> refresh, CircuitConnection? connection = null, TimeProvider? time = null)
    {
        _interval = interval;
        _refresh = refresh;
        _connection = connection;
        _time = time ?? TimeProvider.System;
        if (connection is not null) connection.Restored += OnRestored;
    }

    /// <summary>A refresh was skipped while the browser was away and runs when it is back.</summary>
    public bool Owed
    {
        get { lock (_gate) return _owed; }
    }

    public void Request()
    {
        lock (_gate)
        {
            if (_scheduled || _disposed) return;
            _scheduled = true;
        }
        _ = RunAsync();
    }

    private void OnRestored()
    {
        bool owed;
        lock (_gate) (owed, _owed) = (_owed, false);
        if (owed) Request();
    }

    private async Task RunAsync()
    {
        await Task.Delay(_interval, _time);
        lock (_gate)
        {
            // Events from here on schedule the next refresh: this one may already have read past them.
            _scheduled = false;
            if (_disposed) return;
            if (_connection is { IsUp: false })
            {
                _owed = true;
                return;
            }
        }
        await _refresh();
    }

    public void Dispose()
    {
        lock (_gate) _disposed = true;
        if (_connection is not null) _connection.Restored -= OnRestored;
    }
}
