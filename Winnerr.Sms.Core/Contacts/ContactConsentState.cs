namespace Winnerr.Sms.Core.Contacts;

/// <summary>The consent facts the compliance gate decides on, and the conversation shows.</summary>
/// <param name="OptOutKeyword">The Twilio keyword the contact opted out with, when it was one (then Twilio blocks every text).</param>
public sealed record ContactConsentState(
    ConsentStatus Status,
    bool IsOptedOut,
    string? OptOutKeyword,
    DateTimeOffset? OptOutAt,
    DateTimeOffset? LastInboundAt,
    DateTimeOffset? RevocationFlaggedAt)
{
    public static readonly ContactConsentState Transactional = new(ConsentStatus.TransactionalOnly, false, null, null, null, null);
}
