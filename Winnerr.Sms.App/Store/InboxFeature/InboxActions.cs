namespace Winnerr.Sms.App.Store.InboxFeature;

public sealed record LoadThreadsAction;
public sealed record LoadMoreThreadsAction;
public sealed record LoadThreadsResultAction(ThreadPage Page, bool Append);
public sealed record LoadThreadsFailedAction(string Error);

public sealed record OpenConversationAction(long ConversationId);
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
