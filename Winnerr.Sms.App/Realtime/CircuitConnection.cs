using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Winnerr.Sms.App.Realtime;

/// <summary>
/// Whether this circuit's browser is connected. A page that lost its connection without closing (a dropped network,
/// a crashed browser, a sleeping laptop) keeps its circuit for minutes in case it comes back: work that only redraws
/// it (re-counting a campaign) can wait until it does.
/// </summary>
public sealed class CircuitConnection : CircuitHandler
{
    private volatile bool _up = true;

    public bool IsUp => _up;

    /// <summary>Raised when the browser reconnects to this circuit.</summary>
    public event Action? Restored;

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _up = false;
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var wasDown = !_up;
        _up = true;
        if (wasDown) Restored?.Invoke();
        return Task.CompletedTask;
    }
}
