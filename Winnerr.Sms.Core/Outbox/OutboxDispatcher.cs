using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Winnerr.Sms.Core.Outbox;

/// <summary>
/// Hands outbox rows to the provider. It claims due rows (a conditional update, so two nodes never
/// claim one row), checks the compliance gate again, sends at the sender's pace, and records the
/// outcome through the writer. A claim with no outcome (a crash, a timeout) is reconciled with the
/// provider before anything is sent again. Woken by new work, not by a polling interval.
/// </summary>
public sealed class OutboxDispatcher(
    IDbContextFactory<SmsDbContext> dbFactory,
    InboxWriter writer,
    ISmsSender sender,
    ComplianceGate gate,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly OutboxOptions _options = options.Value;
    private readonly SenderPacer _pacer = new(options.Value.MessagesPerSecond, clock, options.Value.PaceGuard);
    private readonly string _node = options.Value.NodeName;
    /// <summary>Texts claimed and waiting for their turn at the pace, by message.</summary>
    private readonly ConcurrentDictionary<long, Claimed> _waiting = new();
    /// <summary>
    /// Of those, the ones that must not go out on the gate's decision at claim time: their campaign was paused or
    /// cancelled, or their contact's consent changed (a STOP meanwhile). Read when a text's turn comes, refreshed by the loop.
    /// </summary>
    private volatile IReadOnlySet<long> _stale = new HashSet<long>();

    /// <summary>How stale the loop lets that set get while texts wait.</summary>
    private static readonly TimeSpan StaleCheck = TimeSpan.FromMilliseconds(250);

    /// <summary>A claimed row with what the gate and the provider need.</summary>
    private sealed record Claimed(
        long Id, long MessageId, long? CampaignId, long ContactId, string Sender, int Priority, DateTimeOffset DueAt, string Body, TextPurpose Purpose, string Phone,
        string FirstName, string LastName, string? TimeZone, ContactConsentState Consent, int RecentMarketing, bool Reconcile, DateTimeOffset? ReconcileSince,
        string? CampaignStopped, DateTimeOffset ClaimedAt, string Token);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Provider calls in flight, plus the texts of one horizon waiting for their turn at the pace.
        var inFlight = new SemaphoreSlim(_options.MaxConcurrentSends + (_pacer.Enabled ? (int)Math.Ceiling(Horizon / _pacer.Interval) : 0));
        var running = new HashSet<Task>();
        var nextRecovery = DateTimeOffset.MinValue;
        try
        {
            await RecoverAsync(ownClaims: true, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                var now = clock.GetUtcNow();
                if (now >= nextRecovery)
                {
                    await RecoverAsync(ownClaims: false, stoppingToken);
                    nextRecovery = now + _options.ClaimLease / 2;
                }
                await RefreshStaleAsync(stoppingToken);
                var (claimed, full) = await ClaimAsync(now, stoppingToken);
                for (var i = 0; i < claimed.Count; i++)
                {
                    var item = claimed[i];
                    try
                    {
                        await inFlight.WaitAsync(stoppingToken);
                    }
                    catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                    {
                        // Stopping before these were started: certainly not sent, so back to the queue, not to reconciliation.
                        await Task.WhenAll(claimed.Skip(i).Select(ReleaseUnsentAsync));
                        throw;
                    }
                    if (_pacer.Enabled) _waiting[item.MessageId] = item;
                    var task = ProcessAsync(item, stoppingToken).ContinueWith(_ => inFlight.Release(), TaskScheduler.Default);
                    lock (running) running.Add(task);
                    _ = task.ContinueWith(t => { lock (running) running.Remove(t); }, TaskScheduler.Default);
                }
                if (full) continue;
                var wake = await NextWakeAsync(now, stoppingToken);
                var until = wake < nextRecovery ? wake : nextRecovery;
                // While texts wait for their turn, look at what changed for them every StaleCheck: reads only, no claims.
                while (true)
                {
                    var look = clock.GetUtcNow() + StaleCheck;
                    var next = !_waiting.IsEmpty && look < until ? look : until;
                    if (await signal.WaitAsync(next - clock.GetUtcNow(), stoppingToken) || clock.GetUtcNow() >= until) break;
                    await RefreshStaleAsync(stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        Task[] left;
        lock (running) left = running.ToArray();
        // Sends already started finish and record their outcome; anything cut short is reconciled on restart.
        await Task.WhenAll(left).WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>Claims that never got an outcome go back to the queue marked for reconciling: this node's own after a restart, any node's once the lease is over.</summary>
    private async Task RecoverAsync(bool ownClaims, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var expired = now - _options.ClaimLease;
        var prefix = _node + ":";
        var recovered = await db.Outbox
            .Where(o => o.State == OutboxState.Sending && (o.ClaimedAt < expired || (ownClaims && o.ClaimToken!.StartsWith(prefix))))
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.State, OutboxState.Pending)
                .SetProperty(o => o.Reconcile, true)
                .SetProperty(o => o.ReconcileSince, o => o.ReconcileSince ?? o.ClaimedAt)
                .SetProperty(o => o.ClaimToken, (string?)null)
                .SetProperty(o => o.DueAt, now), ct);
        if (recovered > 0)
        {
            logger.LogWarning("{Count} texts were claimed but their outcome was never recorded; reconciling them with the provider before any resend", recovered);
            signal.Notify();
        }
    }

    /// <summary>
    /// How far ahead a paced sender's texts are claimed: they wait in the pacer's queue, so a slow claim (a busy
    /// database) does not leave slots unused; a one-to-one reply still goes ahead of them. Unpaced: small batches.
    /// </summary>
    private TimeSpan Horizon => !_pacer.Enabled ? TimeSpan.FromMilliseconds(100)
        : _pacer.Interval > PacedHorizon ? _pacer.Interval : PacedHorizon;

    /// <summary>A claim can wait behind the writers for the database's write lock; two seconds of queued texts ride that out.</summary>
    private static readonly TimeSpan PacedHorizon = TimeSpan.FromSeconds(2);

    private async Task<(List<Claimed> Claimed, bool Full)> ClaimAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = db.Outbox.Where(o => o.State == OutboxState.Pending && o.DueAt <= now);
        var senders = await due.Select(o => o.SenderNumber).Distinct().ToListAsync(ct);
        if (senders.Count == 0) return ([], false);
        var paused = await PausedAsync(db, ct);

        var ids = new List<long>();
        var full = false;
        foreach (var s in senders.Where(s => !paused.Contains(s)))
        {
            // Replies are claimed whatever the backlog: the pacer starts them ahead of the bulk texts already waiting.
            var replies = _pacer.Enabled
                ? await due.Where(o => o.SenderNumber == s && o.Priority < OutboxPriority.Bulk)
                    .OrderBy(o => o.Priority).ThenBy(o => o.DueAt).ThenBy(o => o.Id).Select(o => o.Id).Take(_options.ClaimBatchSize).ToListAsync(ct)
                : [];
            ids.AddRange(replies);
            var allowance = _pacer.Available(s, now + Horizon, _options.ClaimBatchSize) - replies.Count;
            if (allowance <= 0) continue;
            var take = await due.Where(o => o.SenderNumber == s && (!_pacer.Enabled || o.Priority >= OutboxPriority.Bulk))
                .OrderBy(o => o.Priority).ThenBy(o => o.DueAt).ThenBy(o => o.Id)
                .Select(o => o.Id).Take(allowance).ToListAsync(ct);
            ids.AddRange(take);
            if (!_pacer.Enabled && take.Count == allowance) full = true;
        }
        if (ids.Count == 0) return ([], false);

        var token = $"{_node}:{Guid.NewGuid():N}";
        // Conditional on still being pending: a row another node claimed first is simply not ours.
        await db.Outbox.Where(o => ids.Contains(o.Id) && o.State == OutboxState.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.State, OutboxState.Sending)
                .SetProperty(o => o.ClaimToken, token)
                .SetProperty(o => o.ClaimedAt, now)
                .SetProperty(o => o.Attempts, o => o.Attempts + 1), ct);
        var since = now.AddHours(-24);
        var rows = await db.Outbox.AsNoTracking().Where(o => o.ClaimToken == token)
            .OrderBy(o => o.Priority).ThenBy(o => o.DueAt).ThenBy(o => o.Id)
            .Select(o => new
            {
                Row = o, o.Message!.Body, o.Message.Purpose, o.Message.Contact,
                // Paused or cancelled (a recovered claim, a reconciling retry): settled below without sending.
                CampaignStopped = o.Campaign != null && o.Campaign.State != CampaignState.Running ? o.Campaign.State : null,
                // The frequency cap, counted only for marketing texts.
                RecentMarketing = o.Message.Purpose == TextPurpose.Marketing
                    ? db.Messages.Count(m => m.ContactId == o.Message.ContactId && m.Purpose == TextPurpose.Marketing
                        && m.Direction == MessageDirection.Outbound && m.SentAt >= since && m.Id != o.MessageId)
                    : 0,
            })
            .ToListAsync(ct);
        var claimed = rows.Select(r => new Claimed(r.Row.Id, r.Row.MessageId, r.Row.CampaignId, r.Contact.Id, r.Row.SenderNumber, r.Row.Priority, r.Row.DueAt, r.Body, r.Purpose,
            r.Contact.Phone, r.Contact.FirstName, r.Contact.LastName, r.Contact.TimeZone, r.Contact.ConsentState, r.RecentMarketing,
            r.Row.Reconcile, r.Row.ReconcileSince, r.CampaignStopped, now, token)).ToList();
        return (claimed, full);
    }

    private static async Task<HashSet<string>> PausedAsync(SmsDbContext db, CancellationToken ct) =>
        (await db.AgentNumbers.Where(n => n.PausedAt != null).Select(n => n.PhoneNumber).ToListAsync(ct)).ToHashSet();

    /// <summary>When to look again: the next due row, or when a sender whose due rows wait for their pace is half a horizon from running out of claimed ones.</summary>
    private async Task<DateTimeOffset> NextWakeAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var paused = await PausedAsync(db, ct);
        var pending = db.Outbox.Where(o => o.State == OutboxState.Pending && !paused.Contains(o.SenderNumber));
        var waiting = await pending.Where(o => o.DueAt <= now).Select(o => o.SenderNumber).Distinct().ToListAsync(ct);
        if (waiting.Count > 0) return waiting.Min(s => _pacer.QueuedUntil(s)) - Horizon / 2;
        var next = await pending.MinAsync(o => (DateTimeOffset?)o.DueAt, ct);
        return next ?? DateTimeOffset.MaxValue;
    }

    private async Task ProcessAsync(Claimed item, CancellationToken ct)
    {
        void TurnOver() => _waiting.TryRemove(item.MessageId, out _);
        try
        {
            var sms = new OutboundSms(item.MessageId, item.Sender, item.Phone, item.Body);
            if (item.CampaignStopped is { } stopped)
            {
                // Nothing of a paused or cancelled campaign is sent: the claim goes back (parked, or the text cancelled).
                // A cancelled campaign's text that may have reached the provider is looked up first and recorded if it did.
                if (stopped == CampaignState.Cancelled && item.Reconcile
                    && await FindAcceptedAsync(sms, item.ReconcileSince ?? item.ClaimedAt, ct) is { } sent)
                    await writer.ExecuteAsync(new RecordSendOutcome(item.MessageId, item.Token, SendResult.Accepted(sent.Sid, sent.Status)));
                else
                    await writer.ExecuteAsync(new ReleaseClaim(item.MessageId, item.Token));
                return;
            }
            var decision = gate.Decide(new GateRequest(item.Purpose, Contact.NameOf(item.FirstName, item.LastName, item.Phone), item.Phone,
                item.TimeZone, item.Consent, clock.GetUtcNow(), item.RecentMarketing));
            if (decision.Verdict == GateVerdict.Refuse)
            {
                await writer.ExecuteAsync(new CancelOutbound(null, item.MessageId, $"Not sent: {decision.Reason}", item.Token));
                return;
            }
            if (decision is { Verdict: GateVerdict.Hold, HoldUntil: { } until })
            {
                await writer.ExecuteAsync(new HoldOutbound(item.MessageId, item.Token, until));
                return;
            }

            if (item.Reconcile && await FindAcceptedAsync(sms, item.ReconcileSince ?? item.ClaimedAt, ct) is { } found)
            {
                logger.LogInformation("Message {MessageId} had reached the provider as {Sid}; recorded, not resent", item.MessageId, found.Sid);
                await writer.ExecuteAsync(new RecordSendOutcome(item.MessageId, item.Token, SendResult.Accepted(found.Sid, found.Status)));
                return;
            }

            DateTimeOffset started;
            try
            {
                started = await _pacer.StartAsync(item.Sender, item.Priority, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Shutting down before its turn: certainly not sent, so it goes back to the queue rather than to reconciliation.
                await ReleaseUnsentAsync(item);
                return;
            }
            finally
            {
                TurnOver();
            }
            // It may have waited up to a horizon for its turn: a pause, a cancel or a STOP meanwhile sends it back to the gate.
            if (_stale.Contains(item.MessageId))
            {
                await writer.ExecuteAsync(new ReleaseClaim(item.MessageId, item.Token));
                return;
            }
            SendResult result;
            try
            {
                result = await sender.SendAsync(sms, CancellationToken.None);
            }
            catch (Exception ex) when (ex is HttpRequestException or TimeoutException or TaskCanceledException or IOException)
            {
                logger.LogWarning(ex, "Provider call for message {MessageId} ended without an answer", item.MessageId);
                result = SendResult.Refused(SendOutcome.Unknown, null, "The SMS provider did not answer.");
            }
            await writer.ExecuteAsync(new RecordSendOutcome(item.MessageId, item.Token, result, started));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down before the send: the claim is reconciled on restart.
        }
        catch (Exception ex)
        {
            // The claim stays; the lease (or a restart) sends it back through reconciliation.
            logger.LogError(ex, "Dispatching message {MessageId} failed", item.MessageId);
        }
        finally
        {
            TurnOver();
        }
    }

    private async Task ReleaseUnsentAsync(Claimed item)
    {
        try
        {
            await writer.ExecuteAsync(new ReleaseClaim(item.MessageId, item.Token)).WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or OperationCanceledException)
        {
            // The writer has stopped too: the claim is reconciled on restart, as after a crash.
        }
    }

    private async Task RefreshStaleAsync(CancellationToken ct)
    {
        var waiting = _waiting.Values.ToList();
        if (waiting.Count == 0)
        {
            if (_stale.Count > 0) _stale = new HashSet<long>();
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaignIds = waiting.Select(w => w.CampaignId).OfType<long>().Distinct().ToList();
        var stopped = campaignIds.Count == 0 ? [] : (await db.Campaigns.Where(c => campaignIds.Contains(c.Id) && c.State != CampaignState.Running)
            .Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        var contactIds = waiting.Select(w => w.ContactId).Distinct().ToList();
        var consent = new Dictionary<long, ContactConsentState>(contactIds.Count);
        foreach (var chunk in contactIds.Chunk(500))
            foreach (var c in await db.Contacts.AsNoTracking().Where(c => chunk.Contains(c.Id)).ToListAsync(ct))
                consent[c.Id] = c.ConsentState;
        // A newer text from the contact only widens what the gate allows (the reply window), so it does not count as a change.
        _stale = waiting.Where(w => w.CampaignId is { } id && stopped.Contains(id)
                || !consent.TryGetValue(w.ContactId, out var now) || now with { LastInboundAt = w.Consent.LastInboundAt } != w.Consent)
            .Select(w => w.MessageId).ToHashSet();
    }

    private async Task<ProviderMessage?> FindAcceptedAsync(OutboundSms sms, DateTimeOffset since, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var known = await db.Messages.Where(m => m.Sid != null && m.Id != sms.MessageId && m.Contact.Phone == sms.To && m.Conversation.AgentNumber == sms.From
                && m.Direction == MessageDirection.Outbound && m.CreatedAt >= since - TimeSpan.FromDays(1))
            .Select(m => m.Sid!).ToListAsync(ct);
        return await sender.FindAcceptedAsync(sms, since, known.ToHashSet(), ct);
    }
}
