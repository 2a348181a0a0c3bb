namespace Winnerr.Sms.App.Store.Flux;

public interface IDispatcher
{
    /// <summary>Queues an action; safe from any thread and from reducers' subscribers or effects.</summary>
    void Dispatch(object action);

    /// <summary>Raised after an action's reducers have run, before its effects start.</summary>
    event EventHandler<ActionDispatchedEventArgs>? ActionDispatched;
}
