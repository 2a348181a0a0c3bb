namespace Winnerr.Sms.App.Store.Flux;

public sealed class Feature<TState> : IFeature<TState>, IMutableFeature
{
    private readonly string _name;

    // Held as object so reads from other threads can use Volatile without a class constraint on TState.
    private object _state;

    public Feature(string name, TState initialState)
    {
        ArgumentNullException.ThrowIfNull(initialState);
        _name = name;
        _state = initialState;
    }

    public TState State => (TState)Volatile.Read(ref _state);

    public event EventHandler? StateChanged;

    public string GetName() => _name;

    public object GetState() => Volatile.Read(ref _state);

    public Type GetStateType() => typeof(TState);

    public void RestoreState(object value)
    {
        if (((IMutableFeature)this).SetState(value))
        {
            ((IMutableFeature)this).NotifyStateChanged();
        }
    }

    bool IMutableFeature.SetState(object value)
    {
        if (value is not TState)
        {
            throw new ArgumentException($"State must be a {typeof(TState).FullName}.", nameof(value));
        }

        return !ReferenceEquals(Interlocked.Exchange(ref _state, value), value);
    }

    void IMutableFeature.NotifyStateChanged() => StateChanged?.Invoke(this, EventArgs.Empty);
}
