namespace Winnerr.Sms.Core.Dialer.Commands;

/// <summary>Starts a session on these contacts, in this order; ends the agent's active one (an agent has one).</summary>
public sealed record StartDialerSession(long AgentId, string Source, IReadOnlyList<long> ContactIds) : InboxCommand
{
    public CreatedId Created { get; } = new();
}

/// <summary>Stores a call before the provider is asked to place it, so every callback finds its row.</summary>
public sealed record PlaceDialerCall(long AgentId, long ContactId, string From, long? SessionId, long? EntryId) : InboxCommand
{
    public CreatedId Created { get; } = new();
}

/// <summary>The provider's answer to placing the call: the agent leg's SID, or why it could not be placed.</summary>
public sealed record RecordCallStarted(long CallId, string? AgentCallSid, string? Error) : InboxCommand;

public enum CallLeg { Agent, Contact }

/// <summary>A signed voice status callback (or the Dial action, or an AMD result) for one leg of a call.</summary>
public sealed record ApplyCallStatus(long? CallId, CallLeg Leg, string CallSid, string? Status, string? AnsweredBy, int? DurationSeconds) : InboxCommand;

public sealed record SetCallOutcome(long AgentId, long CallId, string Outcome) : InboxCommand;

public sealed record SaveCallNotes(long AgentId, long CallId, string Notes) : InboxCommand;

/// <summary>The follow-up text went into the send pipeline as <paramref name="MessageId"/>.</summary>
public sealed record RecordFollowUp(long AgentId, long CallId, long MessageId, string Body) : InboxCommand;

/// <summary>Moves the session on: to <paramref name="ToEntryId"/>, or (null) to the next contact still to call.</summary>
public sealed record MoveDialer(long AgentId, long SessionId, long? ToEntryId = null) : InboxCommand;

public sealed record EndDialerSession(long AgentId, long SessionId) : InboxCommand;

public sealed record SetAutoAdvance(long AgentId, long SessionId, bool On) : InboxCommand;

public sealed record SaveDialerSettings(long AgentId, string? AgentPhone, bool MachineDetection, IReadOnlyList<FollowUpChoice> FollowUps) : InboxCommand;

/// <summary>Filled in once the command's batch is committed (ids exist only then).</summary>
public sealed class CreatedId
{
    public long Id { get; set; }
}
