namespace Winnerr.Sms.App.Store.Flux;

public interface IState<TState> : IStateChangedNotifier
{
    TState Value { get; }
}
