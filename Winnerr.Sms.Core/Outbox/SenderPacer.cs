namespace Winnerr.Sms.Core.Outbox;

/// <summary>
/// At most N provider calls per second per sender number, counted where it matters: when the call
/// starts. Slots are handed out 1/N apart in a steady cadence (a late timer does not slow the rate),
/// and a sliding one-second window of actual starts guards against jitter bunching them, so no 1 s
/// window ever holds more than N. The calls themselves run in parallel.
/// </summary>
/// <remarks>Per process: with several nodes, give each node its own senders or move this to Redis.</remarks>
public sealed class SenderPacer(double perSecond, TimeProvider clock)
{
    private sealed class LaneState
    {
        public DateTimeOffset NextSlot = DateTimeOffset.MinValue;
        public readonly Queue<DateTimeOffset> Started = new();
    }

    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly Dictionary<string, LaneState> _lanes = [];
    private readonly TimeSpan _interval = perSecond > 0 ? TimeSpan.FromSeconds(1 / perSecond) : TimeSpan.Zero;
    private readonly int _perWindow = perSecond > 0 ? Math.Max(1, (int)Math.Floor(perSecond)) : int.MaxValue;

    public bool Enabled => perSecond > 0;
    public TimeSpan Interval => _interval;

    /// <summary>How many slots this sender has free before <paramref name="until"/>.</summary>
    public int Available(string sender, DateTimeOffset until, int cap)
    {
        if (!Enabled) return cap;
        lock (_lanes)
        {
            var from = Max(Lane(sender).NextSlot, clock.GetUtcNow());
            return from > until ? 0 : (int)Math.Min(cap, Math.Floor((until - from) / _interval) + 1);
        }
    }

    /// <summary>The sender's next free slot.</summary>
    public DateTimeOffset NextFree(string sender)
    {
        lock (_lanes) return Enabled ? Max(Lane(sender).NextSlot, clock.GetUtcNow()) : clock.GetUtcNow();
    }

    /// <summary>Takes the sender's next slot.</summary>
    public DateTimeOffset Reserve(string sender)
    {
        if (!Enabled) return DateTimeOffset.MinValue;
        lock (_lanes)
        {
            var lane = Lane(sender);
            var now = clock.GetUtcNow();
            // Within one interval of the cadence: keep it (exact rate); idle longer: start afresh now.
            var slot = lane.NextSlot >= now - _interval ? lane.NextSlot : now;
            lane.NextSlot = slot + _interval;
            return slot;
        }
    }

    /// <summary>Waits for the slot, then for room in the sender's last second, and records the start.</summary>
    public async Task StartAsync(string sender, DateTimeOffset slot, CancellationToken ct)
    {
        if (!Enabled) return;
        while (true)
        {
            TimeSpan wait;
            lock (_lanes)
            {
                var lane = Lane(sender);
                var now = clock.GetUtcNow();
                while (lane.Started.Count > 0 && lane.Started.Peek() <= now - Window) lane.Started.Dequeue();
                var earliest = lane.Started.Count >= _perWindow ? lane.Started.Peek() + Window : slot;
                earliest = Max(earliest, slot);
                if (earliest <= now)
                {
                    lane.Started.Enqueue(now);
                    return;
                }
                wait = earliest - now;
            }
            await Task.Delay(wait, clock, ct);
        }
    }

    private LaneState Lane(string sender) => _lanes.TryGetValue(sender, out var lane) ? lane : _lanes[sender] = new LaneState();

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
