namespace Winnerr.Sms.App.Store.Flux;

/// <summary>
/// Marks a state type as a feature. The initial state comes from the public parameterless
/// constructor, or from the static method named by <see cref="CreateInitialStateMethodName"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class FeatureStateAttribute : Attribute
{
    /// <summary>Feature name; defaults to the state type's full name.</summary>
    public string? Name { get; set; }

    public string? CreateInitialStateMethodName { get; set; }
}
