namespace Winnerr.Sms.Core.Conversations.Commands;

/// <summary>
/// Routes each command of a batch to its handler, in order. The batch runs as consecutive runs of
/// handlers that write through the change tracker or directly (<see cref="ICommandHandler.WritesDirectly"/>);
/// each run is prepared, applied and saved before the next, all in the caller's transaction.
/// </summary>
public sealed class InboxCommandHandlers(IEnumerable<ICommandHandler> handlers, TimeProvider clock)
{
    private readonly Dictionary<Type, ICommandHandler> _byType = handlers.ToDictionary(h => h.CommandType);

    public async Task<(IReadOnlyList<Completion> Completions, WriteBatch Batch)> ApplyBatchAsync(SmsDbContext db, IReadOnlyList<InboxCommand> commands, CancellationToken ct)
    {
        var batch = new WriteBatch(clock.GetUtcNow());
        var completions = new List<Completion>(commands.Count);
        for (var start = 0; start < commands.Count;)
        {
            var direct = Handler(commands[start]).WritesDirectly;
            var end = start;
            while (end < commands.Count && Handler(commands[end]).WritesDirectly == direct) end++;
            var run = commands.Skip(start).Take(end - start).ToList();
            var used = run.Select(Handler).Distinct().ToList();
            foreach (var handler in used) await handler.PrepareAsync(db, run, batch, ct);
            foreach (var command in run) completions.Add(await Handler(command).ApplyAsync(db, command, batch, ct));
            foreach (var handler in used) await handler.FlushAsync(db, batch, ct);
            if (!direct) await SaveTrackedAsync(db, batch, ct);
            start = end;
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
