namespace Winnerr.Sms.Core.Messaging;

/// <summary>A stored outbound message, ready to hand to the provider.</summary>
public sealed record OutboundSms(long MessageId, string From, string To, string Body);

/// <summary>The provider's answer to a send: accepted with a SID, or refused with Twilio's error code.</summary>
public sealed record SendResult(string? Sid, string Status, int? ErrorCode, string? ErrorMessage)
{
    public static SendResult Accepted(string sid, string status) => new(sid, status, null, null);
    public static SendResult Refused(int? code, string? message) => new(null, MessageStatus.Failed, code, message);
}

/// <summary>Hands a message to Twilio (or the simulator standing in for it).</summary>
public interface ISmsSender
{
    Task<SendResult> SendAsync(OutboundSms sms, CancellationToken ct = default);
}
