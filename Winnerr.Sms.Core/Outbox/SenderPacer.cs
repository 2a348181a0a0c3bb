namespace Winnerr.Sms.Core.Outbox;

/// <summary>
/// At most N provider calls per second per sender number, as the provider sees them. Slots are handed
/// out 1/N apart in a steady cadence (a late timer does not slow the rate). A call may start only a
/// second after the call N before it has *finished*: a request can reach the provider any time between
/// its start and its answer, so only that keeps a slow first call and fast later ones from landing
/// more than N in one second at the provider. The calls themselves run in parallel.
/// </summary>
/// <remarks>Per process: with several nodes, give each node its own senders or move this to Redis.</remarks>
public sealed class SenderPacer(double perSecond, TimeProvider clock)
{
    private sealed class LaneState
    {
        public DateTimeOffset NextSlot = DateTimeOffset.MinValue;
        public readonly Queue<Call> Recent = new();
    }

    /// <summary>One provider call of a sender; <see cref="Complete"/> it when the provider has answered.</summary>
    public sealed class Call
    {
        internal readonly TaskCompletionSource Done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        internal DateTimeOffset? End;
    }

    private static readonly Call Unpaced = new();

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

    /// <summary>Waits for the slot and for the call N before to be a second behind; the caller must <see cref="Complete"/> the call.</summary>
    public async Task<Call> StartAsync(string sender, DateTimeOffset slot, CancellationToken ct)
    {
        if (!Enabled) return Unpaced;
        while (true)
        {
            Task wait;
            lock (_lanes)
            {
                var lane = Lane(sender);
                var now = clock.GetUtcNow();
                while (lane.Recent.Count > 0 && lane.Recent.Peek().End is { } end && end <= now - Window) lane.Recent.Dequeue();
                var earliest = slot;
                if (lane.Recent.Count >= _perWindow)
                {
                    var oldest = lane.Recent.Peek();
                    if (oldest.End is not { } ended)
                    {
                        wait = oldest.Done.Task.WaitAsync(ct);
                        goto Wait;
                    }
                    earliest = Max(earliest, ended + Window);
                }
                if (earliest <= now)
                {
                    var call = new Call();
                    lane.Recent.Enqueue(call);
                    return call;
                }
                wait = Task.Delay(earliest - now, clock, ct);
            }
            Wait:
            await wait;
        }
    }

    public void Complete(Call call)
    {
        if (ReferenceEquals(call, Unpaced)) return;
        lock (_lanes) call.End = clock.GetUtcNow();
        call.Done.TrySetResult();
    }

    private LaneState Lane(string sender) => _lanes.TryGetValue(sender, out var lane) ? lane : _lanes[sender] = new LaneState();

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
