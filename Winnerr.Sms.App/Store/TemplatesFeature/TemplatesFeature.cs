using System.Collections.Immutable;
using Winnerr.Sms.App.Agents;
using Winnerr.Sms.App.Store.Flux;
using Winnerr.Sms.Core.Templates;

namespace Winnerr.Sms.App.Store.TemplatesFeature;

/// <summary>The agent's templates (own and shared), shared by the template page and every compose window's picker.</summary>
[FeatureState]
public sealed record TemplatesState
{
    public ImmutableList<TemplateView> Templates { get; init; } = [];
    public bool HasLoaded { get; init; }
}

public sealed record LoadTemplatesAction;
public sealed record LoadTemplatesResultAction(IReadOnlyList<TemplateView> Templates);

public static class TemplatesReducers
{
    [ReducerMethod]
    public static TemplatesState OnLoaded(TemplatesState state, LoadTemplatesResultAction action) =>
        state with { Templates = action.Templates.ToImmutableList(), HasLoaded = true };
}

public sealed class TemplatesEffects(TemplateService templates, CurrentAgent agent)
{
    [EffectMethod(typeof(LoadTemplatesAction))]
    public async Task Load(IDispatcher dispatcher)
    {
        var me = await agent.GetAsync();
        dispatcher.Dispatch(new LoadTemplatesResultAction(await templates.ListAsync(me.Id)));
    }
}
