namespace Winnerr.Sms.Core.Conversations.Commands;

/// <summary>Builds a command's result and events once its batch is committed (ids exist only then).</summary>
public delegate WriteResult Completion(ICollection<InboxEvent> events, IReadOnlyDictionary<long, int> unreadByAgent);

/// <summary>Applies one kind of command to the batch's DbContext. One handler per command, beside it.</summary>
public interface ICommandHandler
{
    Type CommandType { get; }
    /// <summary>
    /// True when the handler writes its rows itself (<see cref="RowWriter"/>) instead of through the
    /// context's change tracker. <see cref="InboxCommandHandlers"/> applies each such handler's commands
    /// in a run of their own, after the tracked ones, so no two ways hold different copies of one row.
    /// </summary>
    bool WritesDirectly { get; }
    /// <summary>Loads what every command of this kind in the batch needs, at once (a few queries per batch, not per command).</summary>
    Task PrepareAsync(SmsDbContext db, IReadOnlyList<InboxCommand> commands, WriteBatch batch, CancellationToken ct);
    Task<Completion> ApplyAsync(SmsDbContext db, InboxCommand command, WriteBatch batch, CancellationToken ct);
    /// <summary>Writes what the run's commands left pending (a direct writer's updates); after the last command of a run.</summary>
    Task FlushAsync(SmsDbContext db, WriteBatch batch, CancellationToken ct);
}

public abstract class CommandHandler<TCommand> : ICommandHandler where TCommand : InboxCommand
{
    public Type CommandType => typeof(TCommand);

    public virtual bool WritesDirectly => false;

    public virtual Task FlushAsync(SmsDbContext db, WriteBatch batch, CancellationToken ct) => Task.CompletedTask;

    public Task PrepareAsync(SmsDbContext db, IReadOnlyList<InboxCommand> commands, WriteBatch batch, CancellationToken ct) =>
        PrepareAsync(db, commands.OfType<TCommand>().ToList(), batch, ct);

    public Task<Completion> ApplyAsync(SmsDbContext db, InboxCommand command, WriteBatch batch, CancellationToken ct) =>
        ApplyAsync(db, (TCommand)command, batch, ct);

    protected virtual Task PrepareAsync(SmsDbContext db, IReadOnlyList<TCommand> commands, WriteBatch batch, CancellationToken ct) => Task.CompletedTask;

    protected abstract Task<Completion> ApplyAsync(SmsDbContext db, TCommand command, WriteBatch batch, CancellationToken ct);

    protected static readonly Completion Unchanged = (_, _) => WriteResult.Ok;

    protected static Completion Fail(WriteResult result) => (_, _) => result;
}
