namespace Winnerr.Sms.Core.Conversations;

/// <summary>Something an agent's open pages must show; published only after the change is committed.</summary>
public abstract record InboxEvent(long AgentId)
{
    /// <summary>The channel for texts to numbers no agent owns; admins watch it.</summary>
    public const long Unassigned = 0;
}

/// <summary>
/// A thread's row changed (new message, read, opt-out, name); carries the new message if there is one.
/// The writer sets <paramref name="TotalNeedsReply"/> for the agent after the commit; null means unknown (keep the last count).
/// </summary>
public sealed record ThreadChanged(long AgentId, ThreadSummary Thread, MessageView? NewMessage, int TotalUnread, int? TotalNeedsReply = null) : InboxEvent(AgentId);

/// <summary>An outbound message's delivery status changed.</summary>
public sealed record MessageStatusChanged(long AgentId, MessageView Message) : InboxEvent(AgentId);

/// <summary>A contact's record changed (edit, consent, deletion): People and the profile reload it.</summary>
public sealed record ContactChanged(long AgentId, long ContactId) : InboxEvent(AgentId)
{
    /// <summary>Many contacts at once (an import).</summary>
    public const long Many = 0;
}

/// <summary>
/// A campaign was created, paused, resumed or cancelled. <paramref name="ThreadsChanged"/>: many threads changed at once
/// (its texts were queued or cancelled), so open inboxes reload their list rather than take thousands of row events.
/// Each recipient's status changes arrive as <see cref="MessageStatusChanged"/> with the campaign on the message.
/// </summary>
public sealed record CampaignChanged(long AgentId, long CampaignId, bool ThreadsChanged = false) : InboxEvent(AgentId);

/// <summary>A sender number was paused for a configuration error (with the reason), or resumed (null).</summary>
public sealed record SenderChanged(long AgentId, string Number, string? PausedReason) : InboxEvent(AgentId);

/// <summary>
/// Sign-in sessions of the agent ended: one (<paramref name="SessionId"/>, a sign-out) or all of them (null: sign out
/// everywhere, or a lock). Open pages of those sessions re-check their sign-in at once.
/// </summary>
public sealed record SessionsEnded(long AgentId, string? SessionId) : InboxEvent(AgentId);

public interface IInboxEventPublisher
{
    void Publish(InboxEvent inboxEvent);
}
