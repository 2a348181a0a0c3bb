namespace Winnerr.Sms.App.Store.Flux;

public interface IFeature
{
    string GetName();

    object GetState();

    Type GetStateType();

    /// <summary>Replaces the state outright (bypassing reducers) and raises <see cref="StateChanged"/> if it changed.</summary>
    void RestoreState(object value);

    event EventHandler? StateChanged;
}

public interface IFeature<TState> : IFeature
{
    TState State { get; }
}
