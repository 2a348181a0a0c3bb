namespace Winnerr.Sms.Core.Outbox;

/// <summary>
/// At most N provider calls per second per sender number. Slots are handed out in a steady cadence of
/// (1 s + guard) / N (a late timer does not slow the rate), and a call may start only 1 s + guard after
/// the call N before it started, so no 1 s window ever holds more than N starts. The guard absorbs the
/// jitter of the delay between a call's start and its arrival at the provider; the calls themselves
/// run in parallel, so a slow provider answer does not slow the pace.
/// </summary>
/// <remarks>Per process: with several nodes, give each node its own senders or move this to Redis.</remarks>
public sealed class SenderPacer
{
    private sealed class LaneState
    {
        public DateTimeOffset NextSlot = DateTimeOffset.MinValue;
        /// <summary>The last N starts, oldest first.</summary>
        public readonly Queue<DateTimeOffset> Starts = new();
    }

    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly Dictionary<string, LaneState> _lanes = [];
    private readonly TimeProvider _clock;
    private readonly TimeSpan _spacing;
    private readonly TimeSpan _interval;
    private readonly int _perWindow;

    public SenderPacer(double perSecond, TimeProvider clock, TimeSpan guard)
    {
        _clock = clock;
        Enabled = perSecond > 0;
        _spacing = Window + guard;
        _interval = Enabled ? _spacing / perSecond : TimeSpan.Zero;
        _perWindow = Enabled ? Math.Max(1, (int)Math.Floor(perSecond)) : int.MaxValue;
    }

    public bool Enabled { get; }
    public TimeSpan Interval => _interval;

    /// <summary>How many slots this sender has free before <paramref name="until"/>.</summary>
    public int Available(string sender, DateTimeOffset until, int cap)
    {
        if (!Enabled) return cap;
        lock (_lanes)
        {
            var from = Max(Lane(sender).NextSlot, _clock.GetUtcNow());
            return from > until ? 0 : (int)Math.Min(cap, Math.Floor((until - from) / _interval) + 1);
        }
    }

    /// <summary>The sender's next free slot.</summary>
    public DateTimeOffset NextFree(string sender)
    {
        lock (_lanes) return Enabled ? Max(Lane(sender).NextSlot, _clock.GetUtcNow()) : _clock.GetUtcNow();
    }

    /// <summary>Takes the sender's next slot.</summary>
    public DateTimeOffset Reserve(string sender)
    {
        if (!Enabled) return DateTimeOffset.MinValue;
        lock (_lanes)
        {
            var lane = Lane(sender);
            var now = _clock.GetUtcNow();
            // Within one interval of the cadence: keep it (exact rate); idle longer: start afresh now.
            var slot = lane.NextSlot >= now - _interval ? lane.NextSlot : now;
            lane.NextSlot = slot + _interval;
            return slot;
        }
    }

    /// <summary>Waits for the slot and until the call N before started 1 s + guard ago; returns the moment the call may start.</summary>
    public async Task<DateTimeOffset> StartAsync(string sender, DateTimeOffset slot, CancellationToken ct)
    {
        if (!Enabled) return _clock.GetUtcNow();
        while (true)
        {
            TimeSpan wait;
            lock (_lanes)
            {
                var lane = Lane(sender);
                var now = _clock.GetUtcNow();
                var earliest = lane.Starts.Count >= _perWindow ? Max(slot, lane.Starts.Peek() + _spacing) : slot;
                if (earliest <= now)
                {
                    lane.Starts.Enqueue(now);
                    if (lane.Starts.Count > _perWindow) lane.Starts.Dequeue();
                    return now;
                }
                wait = earliest - now;
            }
            await Task.Delay(wait, _clock, ct);
        }
    }

    private LaneState Lane(string sender) => _lanes.TryGetValue(sender, out var lane) ? lane : _lanes[sender] = new LaneState();

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
