namespace Winnerr.Sms.Core.Conversations.Commands;

/// <summary>
/// Routes each command of a batch to its handler. A batch is applied in runs, each prepared, applied and
/// saved before the next, all in the caller's transaction: first the commands whose handlers write through
/// the change tracker, in their order; then, for each handler that writes directly
/// (<see cref="ICommandHandler.WritesDirectly"/>), its commands, in their order. A run's preparation reads
/// what the runs before it wrote, so no two runs hold different copies of one row.
/// </summary>
/// <remarks>
/// Reordering across runs is safe because the commands of one batch are concurrent: each caller
/// is answered only after the batch commits, so none of them can have seen another's effect. A caller
/// that needs an order awaits one write before it sends the next.
/// </remarks>
public sealed class InboxCommandHandlers(IEnumerable<ICommandHandler> handlers, TimeProvider clock)
{
    private readonly Dictionary<Type, ICommandHandler> _byType = handlers.ToDictionary(h => h.CommandType);

    public async Task<(IReadOnlyList<Completion> Completions, WriteBatch Batch)> ApplyBatchAsync(SmsDbContext db, IReadOnlyList<InboxCommand> commands, CancellationToken ct)
    {
        var batch = new WriteBatch(clock.GetUtcNow());
        var completions = new Completion[commands.Count];
        // null: the tracked run; a handler: that direct writer's run.
        var runs = Enumerable.Range(0, commands.Count)
            .GroupBy(i => Handler(commands[i]) is { WritesDirectly: true } direct ? direct : null)
            .OrderBy(run => run.Key is null ? 0 : 1);
        foreach (var run in runs)
        {
            var runCommands = run.Select(i => commands[i]).ToList();
            var used = runCommands.Select(Handler).Distinct().ToList();
            foreach (var handler in used) await handler.PrepareAsync(db, runCommands, batch, ct);
            foreach (var i in run) completions[i] = await Handler(commands[i]).ApplyAsync(db, commands[i], batch, ct);
            foreach (var handler in used) await handler.FlushAsync(db, batch, ct);
            if (run.Key is null) await SaveTrackedAsync(db, batch, ct);
        }
        return (completions, batch);
    }

    /// <summary>Saves a tracked run, noting whose threads and whether the outbox changed, and forgets it so the next run reads fresh rows.</summary>
    private static async Task SaveTrackedAsync(SmsDbContext db, WriteBatch batch, CancellationToken ct)
    {
        var tracker = db.ChangeTracker;
        tracker.DetectChanges();
        var autoDetect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false; // detected once above; Entries and SaveChanges would each do it again
        try
        {
            if (tracker.Entries<OutboxItem>().Any(e => e.State is EntityState.Added or EntityState.Modified)
                || tracker.Entries<AgentNumber>().Any(e => e.State == EntityState.Modified))
                batch.OutboxChanged = true;
            await db.SaveChangesAsync(ct);
            foreach (var entry in tracker.Entries<Conversation>())
                if (entry.Entity.AgentId is { } agentId) batch.Agents.Add(agentId);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = autoDetect;
        }
        tracker.Clear();
    }

    private ICommandHandler Handler(InboxCommand command) =>
        _byType.TryGetValue(command.GetType(), out var handler) ? handler
        : throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "No handler for this inbox command");
}
