namespace Winnerr.Sms.App.Store.Flux;

internal sealed record FeatureDescriptor(int Index, string Name, Type StateType, Func<IMutableFeature> Create);

internal sealed record ReducerDescriptor(int FeatureIndex, Type ActionType, Func<object, object, object> Reduce, string Method);

/// <param name="EffectsClassIndex">Index into <see cref="FluxDefinition.EffectsClasses"/>, or -1 for a static method.</param>
internal sealed record EffectDescriptor(int EffectsClassIndex, Type ActionType, Func<object?, object, IDispatcher, Task> Handle, string Method);

internal sealed record ActionHandlers(ReducerDescriptor[] Reducers, EffectDescriptor[] Effects);
