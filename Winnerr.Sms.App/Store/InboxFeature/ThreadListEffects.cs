using Winnerr.Sms.App.Agents;
using Winnerr.Sms.App.Store.Flux;

namespace Winnerr.Sms.App.Store.InboxFeature;

/// <summary>Loads the thread list, page by page, for the filter and search it shows.</summary>
public sealed class ThreadListEffects(InboxQueries queries, CurrentAgent agent, IState<InboxState> state)
{
    [EffectMethod(typeof(LoadThreadsAction))]
    public Task LoadThreads(IDispatcher dispatcher) => LoadFirstPageAsync(dispatcher);

    [EffectMethod(typeof(FilterThreadsAction))]
    public Task Filter(IDispatcher dispatcher) => LoadFirstPageAsync(dispatcher);

    [EffectMethod(typeof(SearchThreadsAction))]
    public Task Search(IDispatcher dispatcher) => LoadFirstPageAsync(dispatcher);

    private async Task LoadFirstPageAsync(IDispatcher dispatcher)
    {
        // Read before the first await: effects start right after their action is reduced, so this is its query.
        var query = state.Value.Query;
        try
        {
            var me = await agent.GetAsync();
            dispatcher.Dispatch(new LoadThreadsResultAction(await queries.GetThreadsAsync(me.Id, 0, InboxState.PageSize, query), Append: false, query));
        }
        catch (Exception)
        {
            // Shown in the list itself (with a retry); rethrown so the store logs it and the agent is told.
            dispatcher.Dispatch(new LoadThreadsFailedAction("the server did not answer."));
            throw;
        }
    }

    /// <summary>A campaign queued or cancelled texts in many threads at once: reload the list (and the open thread) rather than replay thousands of rows.</summary>
    [EffectMethod]
    public Task ReloadOnCampaign(InboxEventReceivedAction action, IDispatcher dispatcher)
    {
        if (action.Event is not CampaignChanged { ThreadsChanged: true }) return Task.CompletedTask;
        if (state.Value.OpenConversationId is { } open) dispatcher.Dispatch(new OpenConversationAction(open));
        return LoadFirstPageAsync(dispatcher);
    }

    [EffectMethod(typeof(LoadMoreThreadsAction))]
    public async Task LoadMore(IDispatcher dispatcher)
    {
        var current = state.Value;
        // A new filter or search is loading its first page; paging on from the old rows would skip some.
        if (current.IsLoading) return;
        var me = await agent.GetAsync();
        var page = await queries.GetThreadsAsync(me.Id, current.Threads.Count, InboxState.PageSize, current.Query);
        dispatcher.Dispatch(new LoadThreadsResultAction(page, Append: true, current.Query));
    }
}
