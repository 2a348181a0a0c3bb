namespace Winnerr.Sms.Core.Messaging;

/// <summary>Readable reasons for the Twilio error codes an agent is likely to meet.</summary>
public static class TwilioErrors
{
    private static readonly Dictionary<int, string> Reasons = new()
    {
        [21211] = "The number is not a valid phone number.",
        [21408] = "Texting this region is not enabled on the account.",
        [21610] = "The recipient has opted out (replied STOP). They must text START before you can text them again.",
        [21612] = "Twilio cannot route a text to this number.",
        [21614] = "The number is not a mobile number and cannot receive texts.",
        [21617] = "The message is too long (over 1,600 characters).",
        [30003] = "The phone is unreachable or switched off.",
        [30004] = "The message was blocked by the recipient or their carrier.",
        [30005] = "The number is unknown or no longer exists.",
        [30006] = "The number is a landline or the carrier cannot receive texts.",
        [30007] = "The carrier filtered the message as spam.",
        [30008] = "Delivery failed for an unknown reason.",
        [30034] = "The sending number is not registered for A2P 10DLC.",
    };

    public static string Describe(int? code, string? providerMessage = null) =>
        code is { } c && Reasons.TryGetValue(c, out var reason) ? reason
        : !string.IsNullOrWhiteSpace(providerMessage) ? providerMessage
        : code is { } other ? $"Twilio error {other}." : "The message could not be sent.";
}
