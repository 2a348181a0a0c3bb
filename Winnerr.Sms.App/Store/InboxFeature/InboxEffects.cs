using Winnerr.Sms.App.Agents;
using Winnerr.Sms.App.Store.Flux;

namespace Winnerr.Sms.App.Store.InboxFeature;

public sealed class InboxEffects(InboxQueries queries, OutboundSmsService outbound, InboxWriter writer, CurrentAgent agent, IState<InboxState> state)
{
    [EffectMethod]
    public async Task Open(OpenConversationAction action, IDispatcher dispatcher)
    {
        var me = await agent.GetAsync();
        var detail = action.AtMessageId is { } at
            ? await queries.GetConversationAtAsync(me.Id, action.ConversationId, at)
            : await queries.GetConversationAsync(me.Id, action.ConversationId);
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

    /// <summary>
    /// The header and the record's lines follow the contact: a consent change (STOP, START, a review) arrives as
    /// the thread's new consent, an edit (a name, tags) as ContactChanged. Anything else leaves them as they are.
    /// </summary>
    [EffectMethod]
    public Task ReloadContextOnChange(InboxEventReceivedAction action, IDispatcher dispatcher)
    {
        var open = state.Value;
        if (open.OpenConversationId is not { } id || open.OpenContact is not { } card) return Task.CompletedTask;
        var stale = action.Event switch
        {
            ThreadChanged e => e.Thread.ConversationId == id && e.Thread.Consent != card.ConsentState,
            ContactChanged e => e.ContactId == card.Id,
            _ => false,
        };
        if (stale) dispatcher.Dispatch(new LoadConversationContextAction(id));
        return Task.CompletedTask;
    }

    [EffectMethod]
    public async Task LoadContext(LoadConversationContextAction action, IDispatcher dispatcher)
    {
        var open = state.Value;
        DateTimeOffset? since = open.OpenHasOlder && open.OpenMessages.Count > 0 ? open.OpenMessages[0].CreatedAt : null;
        var me = await agent.GetAsync();
        var context = await queries.GetConversationContextAsync(me.Id, action.ConversationId, since);
        dispatcher.Dispatch(new LoadConversationContextResultAction(action.ConversationId, context));
    }

    [EffectMethod]
    public async Task Retry(RetryMessageAction action, IDispatcher dispatcher)
    {
        var me = await agent.GetAsync();
        var result = await outbound.RetryAsync(me.Id, action.MessageId);
        if (result.Outcome != WriteOutcome.Done) dispatcher.Dispatch(new SendMessageFailedAction(result.Error ?? "The message could not be retried."));
    }
}
