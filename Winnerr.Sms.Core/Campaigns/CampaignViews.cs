namespace Winnerr.Sms.Core.Campaigns;

/// <summary>
/// Counts for the progress bar. <see cref="Sent"/> is every text handed to the provider, delivered ones included, failed
/// ones not; <see cref="Skipped"/> counts plan skips, send-time refusals and texts a cancel stopped. The campaign is
/// finished when sent + failed + skipped = total.
/// </summary>
public sealed record CampaignProgress(int Total, int Queued, int Held, int Sent, int Delivered, int Failed, int Skipped, int Replied, int OptedOut)
{
    public bool Finished => Total > 0 && Sent + Failed + Skipped == Total;
}

public sealed record CampaignView(
    long Id, string Name, string Body, TextPurpose Purpose, string State, string? PauseReason, string SenderNumber,
    DateTimeOffset CreatedAt, DateTimeOffset? StartAt, CampaignProgress Progress)
{
    /// <summary>running, paused, cancelled, or finished (a running campaign with nothing left to send).</summary>
    public string DisplayState => State == CampaignState.Running && Progress.Finished ? "finished" : State;
}

public static class RecipientStates
{
    public const string Queued = "queued";
    public const string Held = "held";
    public const string Sent = "sent";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
    public const string Skipped = "skipped";
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> All = [Queued, Held, Sent, Delivered, Failed, Skipped, Cancelled];

    internal const string CancelledText = "Not sent: the campaign was cancelled.";

    /// <summary>A recipient's state is their message's: no second copy to keep in step.</summary>
    public static string Of(bool hasMessage, string? status, bool handedOver, string? error) =>
        !hasMessage ? Skipped
        : status == MessageStatus.Canceled ? (error == CancelledText ? Cancelled : Skipped)
        : status is not null && MessageStatus.IsFailure(status) ? Failed
        : status is MessageStatus.Delivered or MessageStatus.Read ? Delivered
        : handedOver ? Sent
        : status == MessageStatus.Scheduled ? Held
        : Queued;
}

public sealed record RecipientView(
    long Id, long ContactId, string Name, string Phone, string State, string? Reason, int? ErrorCode, string? Detail,
    long? ConversationId, long? MessageId, DateTimeOffset? ScheduledFor, DateTimeOffset? UpdatedAt);
