namespace Winnerr.Sms.App.Store.Flux;

/// <summary>
/// Marks <c>Task M(TAction action, IDispatcher dispatcher)</c>, or with an explicit action type
/// <c>Task M(IDispatcher dispatcher)</c>, on an effects class built from DI once per store.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class EffectMethodAttribute : Attribute
{
    public EffectMethodAttribute()
    {
    }

    public EffectMethodAttribute(Type actionType) => ActionType = actionType;

    public Type? ActionType { get; }
}
