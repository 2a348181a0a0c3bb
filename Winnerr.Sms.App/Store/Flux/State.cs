namespace Winnerr.Sms.App.Store.Flux;

/// <summary>The injectable view of one feature of the scoped store.</summary>
public sealed class State<TState> : IState<TState>
{
    private readonly IFeature<TState> _feature;

    public State(IStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _feature = store.Features.Values.SingleOrDefault(f => f.GetStateType() == typeof(TState)) as IFeature<TState>
            ?? throw new InvalidOperationException(
                $"No feature has state type {typeof(TState).FullName}. Mark it with [{nameof(FeatureStateAttribute)}] " +
                $"and pass its assembly to {nameof(FluxServiceCollectionExtensions.AddFlux)}.");
    }

    public TState Value => _feature.State;

    public event EventHandler? StateChanged
    {
        add => _feature.StateChanged += value;
        remove => _feature.StateChanged -= value;
    }
}
