namespace Winnerr.Sms.Core.Conversations.Commands;

/// <summary>Routes each command of a batch to its handler, in order, after each handler has prepared its share.</summary>
public sealed class InboxCommandHandlers(IEnumerable<ICommandHandler> handlers, TimeProvider clock)
{
    private readonly Dictionary<Type, ICommandHandler> _byType = handlers.ToDictionary(h => h.CommandType);

    public async Task<IReadOnlyList<Completion>> ApplyBatchAsync(SmsDbContext db, IReadOnlyList<InboxCommand> commands, CancellationToken ct)
    {
        var batch = new WriteBatch(clock.GetUtcNow());
        var used = commands.Select(c => Handler(c)).Distinct().ToList();
        foreach (var handler in used) await handler.PrepareAsync(db, commands, batch, ct);
        var completions = new List<Completion>(commands.Count);
        foreach (var command in commands) completions.Add(await Handler(command).ApplyAsync(db, command, batch, ct));
        return completions;
    }

    private ICommandHandler Handler(InboxCommand command) =>
        _byType.TryGetValue(command.GetType(), out var handler) ? handler
        : throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "No handler for this inbox command");
}
