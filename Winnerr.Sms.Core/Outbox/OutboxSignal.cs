namespace Winnerr.Sms.Core.Outbox;

/// <summary>
/// Wakes the dispatcher when work is committed, so a reply reaches the provider within milliseconds
/// of Enter without polling. Notifications coalesce: many commits before the dispatcher looks are one wake.
/// </summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            if (_signal.CurrentCount == 0) _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Another notifier got there first: the wake is already pending.
        }
    }

    /// <summary>Waits for a notification or the timeout; true when notified.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) =>
        _signal.WaitAsync(timeout < TimeSpan.Zero ? TimeSpan.Zero : timeout, ct);
}
