namespace Winnerr.Sms.Core.Dialer;

/// <summary>
/// An agent's power dialer session: an ordered queue of contacts, kept on the server so a reload, a reconnect or a
/// second tab shows the same session. An agent has at most one active session (EndedAt null).
/// </summary>
public class DialerSession
{
    public long Id { get; set; }
    public long AgentId { get; set; }
    /// <summary>Where the queue came from: "People selection", "Tag: buyers", ...</summary>
    public required string Source { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    /// <summary>The entry being worked; null once the queue is done.</summary>
    public long? CurrentEntryId { get; set; }
    public bool AutoAdvance { get; set; }
    public List<DialerEntry> Entries { get; set; } = [];
}

public enum DialerEntryState { Pending, Done, Skipped }

public class DialerEntry
{
    public long Id { get; set; }
    public long SessionId { get; set; }
    public int Position { get; set; }
    public long ContactId { get; set; }
    public Contact? Contact { get; set; }
    public DialerEntryState State { get; set; }
    public string? SkipReason { get; set; }
}

/// <summary>One click-to-call: Twilio rings the agent's phone (the agent leg), then dials the contact (the contact leg).</summary>
public class DialerCall
{
    public long Id { get; set; }
    public long AgentId { get; set; }
    public long ContactId { get; set; }
    public Contact? Contact { get; set; }
    public long? SessionId { get; set; }
    public long? EntryId { get; set; }
    public required string From { get; set; }
    public required string To { get; set; }
    /// <summary>The call Twilio placed to the agent's phone (Calls.create).</summary>
    public string? AgentCallSid { get; set; }
    /// <summary>The dialled leg to the contact, learned from its first status callback.</summary>
    public string? ContactCallSid { get; set; }
    /// <summary>The call's state as the agent sees it (a one-way maximum, see <see cref="CallStatuses"/>).</summary>
    public string Status { get; set; } = CallStatuses.Queued;
    public string? AnsweredBy { get; set; }
    public int? DurationSeconds { get; set; }
    public string? SuggestedOutcome { get; set; }
    public string? Outcome { get; set; }
    public string? Notes { get; set; }
    public long? FollowUpMessageId { get; set; }
    public string? FollowUpBody { get; set; }
    /// <summary>The line on the contact's record for this call, kept in step with outcome, notes and follow-up.</summary>
    public long? ContactEventId { get; set; }
    public ContactEvent? ContactEvent { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
}

/// <summary>The agent's choice of template for an outcome's follow-up text; an outcome without one uses the default.</summary>
public class DialerFollowUp
{
    public long AgentId { get; set; }
    public required string Outcome { get; set; }
    /// <summary>Null: no follow-up for this outcome.</summary>
    public long? TemplateId { get; set; }
}

/// <summary>Per-agent dialer settings.</summary>
public class DialerSettings
{
    public long AgentId { get; set; }
    /// <summary>The agent's own phone, which Twilio rings first (click-to-call).</summary>
    public string? AgentPhone { get; set; }
    /// <summary>Twilio answering-machine detection on the contact leg (billed per call by Twilio).</summary>
    public bool MachineDetection { get; set; } = true;
}
