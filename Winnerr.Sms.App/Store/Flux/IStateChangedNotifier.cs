namespace Winnerr.Sms.App.Store.Flux;

/// <summary>Non-generic view of <see cref="IState{TState}"/>, so components can subscribe without knowing TState.</summary>
public interface IStateChangedNotifier
{
    event EventHandler? StateChanged;
}
