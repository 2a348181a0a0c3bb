namespace Winnerr.Sms.App.Store.Flux;

/// <summary>
/// Marks <c>static TState M(TState state, TAction action)</c>, or with an explicit action type
/// <c>static TState M(TState state)</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ReducerMethodAttribute : Attribute
{
    public ReducerMethodAttribute()
    {
    }

    public ReducerMethodAttribute(Type actionType) => ActionType = actionType;

    public Type? ActionType { get; }
}
