namespace Winnerr.Sms.Core.Outbox;

/// <summary>
/// At most N provider calls per second per sender number. Each sender has a queue of calls waiting to
/// start, served most urgent first (a one-to-one reply goes ahead of bulk work already waiting), one
/// every (1 s + guard) / N, and never sooner than 1 s + guard after the call N before it was handed over (its
/// synchronous part, run inline, done), so no 1 s window holds more than N starts, nor N arrivals at an
/// in-process provider. The guard absorbs the jitter of the network delay to a remote one. The calls themselves run in parallel: a slow answer does not slow the pace.
/// </summary>
/// <remarks>Per process: with several nodes, give each node its own senders or move this to Redis.</remarks>
public sealed class SenderPacer
{
    private sealed class Waiter
    {
        // Continuations run inline on the pump's turn: the call goes out at the moment it was given, not after a
        // wait in the thread pool's queue that would bunch what the provider sees.
        public readonly TaskCompletionSource<DateTimeOffset> Done = new();
        public bool Cancelled;
        public bool Started;
    }

    private sealed class LaneState
    {
        public DateTimeOffset NextSlot = DateTimeOffset.MinValue;
        /// <summary>The last N starts, oldest first.</summary>
        public readonly Queue<DateTimeOffset> Starts = new();
        public readonly PriorityQueue<Waiter, (int Priority, long Order)> Waiting = new();
        /// <summary>Waiters neither started nor cancelled.</summary>
        public int Live;
        public bool Pumping;
    }

    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly Dictionary<string, LaneState> _lanes = [];
    private readonly TimeProvider _clock;
    private readonly TimeSpan _spacing;
    private readonly TimeSpan _interval;
    private readonly int _perWindow;
    private long _order;

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

    /// <summary>How many more calls this sender can start before <paramref name="until"/>, after those already waiting.</summary>
    public int Available(string sender, DateTimeOffset until, int cap)
    {
        if (!Enabled) return cap;
        var from = QueuedUntil(sender);
        return from > until ? 0 : (int)Math.Min(cap, Math.Floor((until - from) / _interval) + 1);
    }

    /// <summary>When the calls already waiting for this sender will all have started: its next free start after them.</summary>
    public DateTimeOffset QueuedUntil(string sender)
    {
        var now = _clock.GetUtcNow();
        if (!Enabled) return now;
        lock (_lanes)
        {
            var lane = Lane(sender);
            return Max(lane.NextSlot, now) + _interval * lane.Live;
        }
    }

    /// <summary>
    /// Waits for this sender's turn (lower <paramref name="priority"/> first, then first come) and returns the
    /// moment the call may start. Cancelling gives the turn up.
    /// </summary>
    public Task<DateTimeOffset> StartAsync(string sender, int priority, CancellationToken ct)
    {
        if (!Enabled) return Task.FromResult(_clock.GetUtcNow());
        var waiter = new Waiter();
        LaneState lane;
        lock (_lanes)
        {
            lane = Lane(sender);
            lane.Waiting.Enqueue(waiter, (priority, _order++));
            lane.Live++;
            if (!lane.Pumping)
            {
                lane.Pumping = true;
                _ = Task.Run(() => PumpAsync(lane), CancellationToken.None);
            }
        }
        if (ct.CanBeCanceled)
        {
            var registration = ct.Register(() =>
            {
                lock (_lanes)
                {
                    if (waiter.Started || waiter.Cancelled) return;
                    waiter.Cancelled = true;
                    lane.Live--;
                }
                waiter.Done.TrySetCanceled(ct);
            });
            _ = waiter.Done.Task.ContinueWith(_ => registration.Dispose(), TaskScheduler.Default);
        }
        return waiter.Done.Task;
    }

    /// <summary>Starts the lane's waiters one by one at the pace; ends when none is left.</summary>
    private async Task PumpAsync(LaneState lane)
    {
        while (true)
        {
            Waiter? next = null;
            DateTimeOffset now, earliest;
            lock (_lanes)
            {
                while (lane.Waiting.TryPeek(out var head, out _) && head.Cancelled) lane.Waiting.Dequeue();
                if (lane.Waiting.Count == 0)
                {
                    lane.Pumping = false;
                    return;
                }
                now = _clock.GetUtcNow();
                earliest = lane.Starts.Count >= _perWindow ? Max(lane.NextSlot, lane.Starts.Peek() + _spacing) : lane.NextSlot;
                if (earliest <= now)
                {
                    next = lane.Waiting.Dequeue();
                    next.Started = true;
                    lane.Live--;
                    // Behind the cadence by less than a window (a late timer, a stalled machine): keep it and catch up, which
                    // the N-per-window rule keeps within the limit; idle longer: afresh from now.
                    lane.NextSlot = (lane.NextSlot >= now - Window ? lane.NextSlot : now) + _interval;
                }
            }
            if (next is not null)
            {
                next.Done.TrySetResult(now);
                // The call ran inline up to its first wait: for a request that is when it left this process. Counting the
                // window from then, not from the start, keeps a slow first call (JIT, a new connection) from bunching with later ones.
                var handed = _clock.GetUtcNow();
                lock (_lanes)
                {
                    lane.Starts.Enqueue(handed);
                    if (lane.Starts.Count > _perWindow) lane.Starts.Dequeue();
                }
                continue;
            }
            var delay = Task.Delay(earliest - now, _clock);
            // The timer counts from when it was made: if the clock passed the turn meanwhile, go on without it.
            if (_clock.GetUtcNow() < earliest) await delay;
        }
    }

    private LaneState Lane(string sender) => _lanes.TryGetValue(sender, out var lane) ? lane : _lanes[sender] = new LaneState();

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
