using System.Linq.Expressions;
using System.Reflection;

namespace Winnerr.Sms.App.Store.Flux;

/// <summary>Finds features, reducers and effects, validating signatures so mistakes fail at startup.</summary>
internal static class FluxDiscovery
{
    private const BindingFlags DeclaredMethods =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    public static FluxDefinition Discover(IReadOnlyList<Assembly> assemblies)
    {
        var types = assemblies.SelectMany(LoadableTypes).ToArray();

        var features = types
            .Where(t => t.IsDefined(typeof(FeatureStateAttribute), inherit: false))
            .Select((t, i) => CreateFeature(t, i))
            .ToArray();
        var duplicate = features.GroupBy(f => f.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"More than one feature is named '{duplicate.Key}'.");
        }

        var featureIndexByType = features.ToDictionary(f => f.StateType, f => f.Index);
        var reducers = new List<ReducerDescriptor>();
        var effects = new List<EffectDescriptor>();
        var effectsClasses = new List<Type>();

        foreach (var type in types)
        {
            foreach (var method in type.GetMethods(DeclaredMethods))
            {
                if (method.GetCustomAttribute<ReducerMethodAttribute>() is { } reducer)
                {
                    reducers.Add(CreateReducer(method, reducer.ActionType, featureIndexByType));
                }

                if (method.GetCustomAttribute<EffectMethodAttribute>() is { } effect)
                {
                    effects.Add(CreateEffect(method, effect.ActionType, effectsClasses));
                }
            }
        }

        return new FluxDefinition(features, [.. reducers], [.. effects], [.. effectsClasses]);
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            return ex.Types.OfType<Type>();
        }
    }

    private static FeatureDescriptor CreateFeature(Type stateType, int index)
    {
        if (stateType.ContainsGenericParameters)
        {
            throw new InvalidOperationException($"Feature state {stateType.FullName} must not be an open generic type.");
        }

        var attribute = stateType.GetCustomAttribute<FeatureStateAttribute>()!;
        var name = attribute.Name ?? stateType.FullName ?? stateType.Name;
        Expression initialState;
        if (attribute.CreateInitialStateMethodName is { } methodName)
        {
            var method = stateType.GetMethod(methodName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, Type.EmptyTypes);
            if (method is null || method.ReturnType != stateType)
            {
                throw new InvalidOperationException(
                    $"Feature state {stateType.FullName} needs a static parameterless method {methodName} returning {stateType.Name}.");
            }

            initialState = Expression.Call(method);
        }
        else
        {
            if (stateType.GetConstructor(Type.EmptyTypes) is null)
            {
                throw new InvalidOperationException(
                    $"Feature state {stateType.FullName} needs a public parameterless constructor that gives its initial state.");
            }

            initialState = Expression.New(stateType);
        }

        var featureType = typeof(Feature<>).MakeGenericType(stateType);
        var constructor = featureType.GetConstructor([typeof(string), stateType])!;
        var create = Expression.Lambda<Func<IMutableFeature>>(
            Expression.New(constructor, Expression.Constant(name), initialState)).Compile();
        return new FeatureDescriptor(index, name, stateType, create);
    }

    private static ReducerDescriptor CreateReducer(MethodInfo method, Type? explicitActionType, Dictionary<Type, int> featureIndexByType)
    {
        var parameters = method.GetParameters();
        var valid = method.IsStatic
            && !method.ContainsGenericParameters
            && parameters.Length == (explicitActionType is null ? 2 : 1)
            && parameters.All(p => !p.ParameterType.IsByRef)
            && parameters[0].ParameterType == method.ReturnType;
        if (!valid)
        {
            throw InvalidSignature(method, nameof(ReducerMethodAttribute), explicitActionType is null
                ? "static TState M(TState state, TAction action)"
                : "static TState M(TState state)");
        }

        var stateType = method.ReturnType;
        if (!featureIndexByType.TryGetValue(stateType, out var featureIndex))
        {
            throw new InvalidOperationException(
                $"Reducer {Describe(method)} reduces {stateType.FullName}, which is not marked [{nameof(FeatureStateAttribute)}] " +
                "in the registered assemblies.");
        }

        var actionType = explicitActionType ?? parameters[1].ParameterType;
        var state = Expression.Parameter(typeof(object), "state");
        var action = Expression.Parameter(typeof(object), "action");
        Expression[] arguments = explicitActionType is null
            ? [Expression.Convert(state, stateType), Expression.Convert(action, actionType)]
            : [Expression.Convert(state, stateType)];
        var reduce = Expression.Lambda<Func<object, object, object>>(
            Expression.Convert(Expression.Call(method, arguments), typeof(object)), state, action).Compile();
        return new ReducerDescriptor(featureIndex, actionType, reduce, Describe(method));
    }

    private static EffectDescriptor CreateEffect(MethodInfo method, Type? explicitActionType, List<Type> effectsClasses)
    {
        var parameters = method.GetParameters();
        var declaringType = method.DeclaringType!;
        var valid = !method.ContainsGenericParameters
            && !declaringType.ContainsGenericParameters
            && (method.IsStatic || !declaringType.IsAbstract)
            && typeof(Task).IsAssignableFrom(method.ReturnType)
            && parameters.Length == (explicitActionType is null ? 2 : 1)
            && parameters.All(p => !p.ParameterType.IsByRef)
            && parameters[^1].ParameterType == typeof(IDispatcher);
        if (!valid)
        {
            throw InvalidSignature(method, nameof(EffectMethodAttribute), explicitActionType is null
                ? "Task M(TAction action, IDispatcher dispatcher) on a non-abstract class"
                : "Task M(IDispatcher dispatcher) on a non-abstract class");
        }

        var actionType = explicitActionType ?? parameters[0].ParameterType;
        var target = Expression.Parameter(typeof(object), "effects");
        var action = Expression.Parameter(typeof(object), "action");
        var dispatcher = Expression.Parameter(typeof(IDispatcher), "dispatcher");
        Expression[] arguments = explicitActionType is null ? [Expression.Convert(action, actionType), dispatcher] : [dispatcher];
        var call = method.IsStatic
            ? Expression.Call(method, arguments)
            : Expression.Call(Expression.Convert(target, declaringType), method, arguments);
        var handle = Expression.Lambda<Func<object?, object, IDispatcher, Task>>(
            Expression.Convert(call, typeof(Task)), target, action, dispatcher).Compile();

        var classIndex = -1;
        if (!method.IsStatic)
        {
            classIndex = effectsClasses.IndexOf(declaringType);
            if (classIndex < 0)
            {
                classIndex = effectsClasses.Count;
                effectsClasses.Add(declaringType);
            }
        }

        return new EffectDescriptor(classIndex, actionType, handle, Describe(method));
    }

    private static InvalidOperationException InvalidSignature(MethodInfo method, string attribute, string expected) =>
        new($"[{attribute.Replace("Attribute", "", StringComparison.Ordinal)}] {Describe(method)} must have the signature {expected}.");

    private static string Describe(MethodInfo method) => $"{method.DeclaringType?.FullName}.{method.Name}";
}
