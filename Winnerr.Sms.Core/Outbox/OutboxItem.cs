namespace Winnerr.Sms.Core.Outbox;

/// <summary>
/// One text waiting to be handed to the provider. Written in the same transaction as its message, so
/// a stored text always has either an outbox row or a recorded outcome: nothing is lost between the two.
/// The row is deleted once the provider's answer (or a final refusal) is recorded on the message.
/// </summary>
public class OutboxItem
{
    public long Id { get; set; }
    public long MessageId { get; set; }
    public Message? Message { get; set; }
    /// <summary>Our number the text goes out from; pacing and pausing are per sender.</summary>
    public required string SenderNumber { get; set; }
    /// <summary>Lower goes first: one-to-one texts (0) overtake queued bulk work (1).</summary>
    public int Priority { get; set; }
    /// <summary>The campaign the text belongs to: pausing a campaign parks its rows.</summary>
    public long? CampaignId { get; set; }
    public Campaign? Campaign { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public string State { get; set; } = OutboxState.Pending;
    /// <summary>Who claimed the row (a node's token): a claim is a conditional update, safe with other nodes.</summary>
    public string? ClaimToken { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    /// <summary>How many times the row was claimed for sending.</summary>
    public int Attempts { get; set; }
    /// <summary>
    /// An earlier attempt may have reached the provider (a crash after the claim, a timeout, a 5xx):
    /// ask the provider before sending again, never resend blindly.
    /// </summary>
    public bool Reconcile { get; set; }
    /// <summary>When <see cref="Reconcile"/> is set: the earliest time the provider could have created the message.</summary>
    public DateTimeOffset? ReconcileSince { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public static class OutboxState
{
    public const string Pending = "pending";
    /// <summary>Claimed by a dispatcher: our own local state, distinct from Twilio's "queued".</summary>
    public const string Sending = "sending";
    /// <summary>Its campaign is paused: not due until resumed.</summary>
    public const string Paused = "paused";
}

public static class OutboxPriority
{
    public const int OneToOne = 0;
    public const int Bulk = 1;
}
