using System.Collections.Concurrent;
using System.Reflection;

namespace Winnerr.Sms.App.Store.Flux;

/// <summary>
/// Everything discovered from a set of assemblies. Built once per distinct set and shared by all
/// stores, so creating a store per circuit costs only the features' initial states.
/// </summary>
internal sealed class FluxDefinition
{
    private static readonly ConcurrentDictionary<string, Lazy<FluxDefinition>> Cache = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<Type, ActionHandlers> _handlersByActionType = new();

    internal FluxDefinition(FeatureDescriptor[] features, ReducerDescriptor[] reducers, EffectDescriptor[] effects, Type[] effectsClasses)
    {
        Features = features;
        Reducers = reducers;
        Effects = effects;
        EffectsClasses = effectsClasses;
    }

    public IReadOnlyList<FeatureDescriptor> Features { get; }

    public IReadOnlyList<ReducerDescriptor> Reducers { get; }

    public IReadOnlyList<EffectDescriptor> Effects { get; }

    public IReadOnlyList<Type> EffectsClasses { get; }

    public static FluxDefinition For(IEnumerable<Assembly> assemblies)
    {
        var distinct = assemblies.Distinct().OrderBy(a => a.FullName, StringComparer.Ordinal).ToArray();
        var key = string.Join('|', distinct.Select(a => a.FullName));
        var lazy = Cache.GetOrAdd(key, _ => new Lazy<FluxDefinition>(() => FluxDiscovery.Discover(distinct)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // Lazy caches exceptions; drop it so a fixed assembly set (e.g. in tests) is rediscovered.
            Cache.TryRemove(new KeyValuePair<string, Lazy<FluxDefinition>>(key, lazy));
            throw;
        }
    }

    /// <summary>Reducers and effects whose action type the given runtime type is assignable to, in discovery order.</summary>
    public ActionHandlers GetHandlers(Type actionType) =>
        _handlersByActionType.GetOrAdd(actionType, static (type, self) => new ActionHandlers(
            self.Reducers.Where(r => r.ActionType.IsAssignableFrom(type)).ToArray(),
            self.Effects.Where(e => e.ActionType.IsAssignableFrom(type)).ToArray()), this);
}
