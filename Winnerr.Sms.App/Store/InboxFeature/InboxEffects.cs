using Winnerr.Sms.App.Agents;
using Winnerr.Sms.App.Store.Flux;

namespace Winnerr.Sms.App.Store.InboxFeature;

public sealed class InboxEffects(InboxQueries queries, OutboundSmsService outbound, InboxWriter writer, CurrentAgent agent, IState<InboxState> state)
{
    [EffectMethod]
    public async Task Open(OpenConversationAction action, IDispatcher dispatcher)
    {
        var me = await agent.GetAsync();
        var detail = await queries.GetConversationAsync(me.Id, action.ConversationId);
        dispatcher.Dispatch(new OpenConversationResultAction(action.ConversationId, detail));
        if (detail is { Thread.UnreadCount: > 0 }) dispatcher.Dispatch(new MarkConversationReadAction(action.ConversationId));
    }

    [EffectMethod]
    public async Task LoadOlder(LoadOlderMessagesAction action, IDispatcher dispatcher)
    {
        var me = await agent.GetAsync();
        var detail = await queries.GetConversationAsync(me.Id, action.ConversationId, action.BeforeMessageId);
        dispatcher.Dispatch(new LoadOlderMessagesResultAction(action.ConversationId, detail));
    }

    [EffectMethod]
    public async Task MarkRead(MarkConversationReadAction action, IDispatcher dispatcher)
    {
        var me = await agent.GetAsync();
        await writer.ExecuteAsync(new MarkConversationRead(me.Id, action.ConversationId));
    }

    [EffectMethod]
    public async Task MarkDone(MarkConversationDoneAction action, IDispatcher dispatcher)
    {
        var me = await agent.GetAsync();
        await writer.ExecuteAsync(new MarkConversationDone(me.Id, action.ConversationId));
    }

    [EffectMethod]
    public async Task MarkUnread(MarkConversationUnreadAction action, IDispatcher dispatcher)
    {
        var me = await agent.GetAsync();
        await writer.ExecuteAsync(new MarkConversationUnread(me.Id, action.ConversationId));
    }

    /// <summary>A text arriving in the conversation the agent has open is read as it arrives.</summary>
    [EffectMethod]
    public Task ReadWhileOpen(InboxEventReceivedAction action, IDispatcher dispatcher)
    {
        if (action.Event is ThreadChanged { NewMessage.Direction: MessageDirection.Inbound, Thread.UnreadCount: > 0 } e
            && e.Thread.ConversationId == state.Value.OpenConversationId)
            dispatcher.Dispatch(new MarkConversationReadAction(e.Thread.ConversationId));
        return Task.CompletedTask;
    }

    [EffectMethod]
    public async Task Retry(RetryMessageAction action, IDispatcher dispatcher)
    {
        var me = await agent.GetAsync();
        var result = await outbound.RetryAsync(me.Id, action.MessageId);
        if (result.Outcome != WriteOutcome.Done) dispatcher.Dispatch(new SendMessageFailedAction(result.Error ?? "The message could not be retried."));
    }
}
