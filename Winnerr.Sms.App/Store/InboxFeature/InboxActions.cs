namespace Winnerr.Sms.App.Store.InboxFeature;

public sealed record LoadThreadsAction;
public sealed record LoadMoreThreadsAction;
/// <summary>A page of the list for <paramref name="Query"/> (null: all threads); a page for a query no longer shown is dropped.</summary>
public sealed record LoadThreadsResultAction(ThreadPage Page, bool Append, ThreadQuery? Query = null);
public sealed record LoadThreadsFailedAction(string Error);

/// <summary>Show only threads of one kind; the search, if any, stays.</summary>
public sealed record FilterThreadsAction(InboxFilter Filter);
/// <summary>Search the threads (debounced by the search box); empty shows all again. The filter stays.</summary>
public sealed record SearchThreadsAction(string? Search);

public sealed record MarkConversationDoneAction(long ConversationId);
public sealed record MarkConversationUnreadAction(long ConversationId);

/// <summary>Opens a conversation; with <paramref name="AtMessageId"/> (from History) loaded back to that message.</summary>
public sealed record OpenConversationAction(long ConversationId, long? AtMessageId = null);
public sealed record OpenConversationResultAction(long ConversationId, ConversationDetail? Detail);
public sealed record CloseConversationAction;
public sealed record LoadOlderMessagesAction(long ConversationId, long BeforeMessageId);
public sealed record LoadOlderMessagesResultAction(long ConversationId, ConversationDetail? Detail);
public sealed record MarkConversationReadAction(long ConversationId);
/// <summary>The open conversation's contact or consent changed: reload its header and the record's lines.</summary>
public sealed record LoadConversationContextAction(long ConversationId);
public sealed record LoadConversationContextResultAction(long ConversationId, ConversationContext? Context);

public sealed record RetryMessageAction(long MessageId);
public sealed record SendMessageFailedAction(string Error);
public sealed record DismissSendErrorAction;

/// <summary>A committed change pushed from the webhook (or another page of the same agent).</summary>
public sealed record InboxEventReceivedAction(InboxEvent Event);
