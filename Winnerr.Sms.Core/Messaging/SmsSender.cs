namespace Winnerr.Sms.Core.Messaging;

/// <summary>A stored outbound message, ready to hand to the provider.</summary>
public sealed record OutboundSms(long MessageId, string From, string To, string Body);

/// <summary>How a send ended, as the outbox must act on it.</summary>
public enum SendOutcome
{
    /// <summary>The provider took the message and gave it a SID.</summary>
    Accepted,
    /// <summary>Refused without processing (429, queue overflow, ...): safe to send again after a backoff.</summary>
    Retryable,
    /// <summary>Refused for this recipient for good (21610, 21211, ...): fail the message, never retry.</summary>
    Final,
    /// <summary>The account or sender is misconfigured (30034, 21408, 20003, ...): pause the sender until someone acts.</summary>
    Configuration,
    /// <summary>The request may or may not have been processed (timeout, 5xx): reconcile before any resend.</summary>
    Unknown,
}

/// <summary>The provider's answer to a send.</summary>
public sealed record SendResult(SendOutcome Outcome, string? Sid, string Status, int? ErrorCode, string? ErrorMessage)
{
    public static SendResult Accepted(string sid, string status) => new(SendOutcome.Accepted, sid, status, null, null);
    public static SendResult Refused(SendOutcome outcome, int? code, string? message) => new(outcome, null, MessageStatus.Failed, code, message);
}

/// <summary>A message the provider holds, found when reconciling a send whose outcome was never recorded.</summary>
public sealed record ProviderMessage(string Sid, string Status);

/// <summary>Hands a message to Twilio (or the simulator standing in for it).</summary>
public interface ISmsSender
{
    Task<SendResult> SendAsync(OutboundSms sms, CancellationToken ct = default);

    /// <summary>
    /// The message the provider accepted for this send, if any: from <see cref="OutboundSms.From"/> to
    /// <see cref="OutboundSms.To"/> with the same body, created at or after <paramref name="since"/> and not one of
    /// <paramref name="knownSids"/> (SIDs already tied to other messages). Null when the provider never got it.
    /// </summary>
    Task<ProviderMessage?> FindAcceptedAsync(OutboundSms sms, DateTimeOffset since, IReadOnlySet<string> knownSids, CancellationToken ct = default);
}
