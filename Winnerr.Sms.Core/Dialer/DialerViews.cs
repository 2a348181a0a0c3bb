namespace Winnerr.Sms.Core.Dialer;

public sealed record DialerView(
    long Id, string Source, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, bool AutoAdvance,
    IReadOnlyList<QueueItem> Queue, long? CurrentEntryId, DialerContact? Current, CallView? Call, DialerSummary Summary)
{
    public bool IsActive => EndedAt is null;
}

public sealed record QueueItem(long EntryId, int Position, long ContactId, string Name, string Phone, DialerEntryState State, string? SkipReason, string? Outcome);

public sealed record DialerContact(
    long Id, string Name, string Phone, string? PropertyAddress, DateTimeOffset? ShowingAt, string? TimeZone, string? Notes,
    IReadOnlyList<TextLine> LastTexts, IReadOnlyList<PastCall> PastCalls, long? ConversationId, string? SkipReason);

public sealed record TextLine(MessageDirection Direction, string Body, DateTimeOffset At, string Status);

public sealed record PastCall(long Id, DateTimeOffset At, string Status, string? Outcome, int? DurationSeconds, string? Notes, string? FollowUp);

public sealed record CallView(
    long Id, string Status, string? AnsweredBy, int? DurationSeconds, string? SuggestedOutcome, string? Outcome, string? Notes,
    long? FollowUpMessageId, string? FollowUpBody, string? FollowUpStatus, string? Error, DateTimeOffset? AnsweredAt, bool FollowUpAccepted = false)
{
    public bool IsLive => !CallStatuses.IsFinal(Status);
    /// <summary>The agent's outcome, else the one the call suggests.</summary>
    public string? EffectiveOutcome => Outcome ?? SuggestedOutcome;
}

/// <summary>The end-of-session figures.</summary>
public sealed record DialerSummary(int Contacts, int Skipped, int Calls, int Connects, int Appointments, int FollowUpsSent);

public sealed record DialerSettingsView(string? AgentPhone, bool MachineDetection, IReadOnlyList<FollowUpChoice> FollowUps);
