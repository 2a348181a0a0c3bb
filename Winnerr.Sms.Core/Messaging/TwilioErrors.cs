namespace Winnerr.Sms.Core.Messaging;

/// <summary>What Twilio's error codes mean for a send, and readable reasons for the ones an agent is likely to meet (../shared/COMPLIANCE.md).</summary>
public static class TwilioErrors
{
    /// <summary>Carrier filtering: a spike of these pauses a campaign.</summary>
    public const int CarrierFiltered = 30007;

    private sealed record Known(SendOutcome Outcome, string Reason);

    private static readonly Dictionary<int, Known> Codes = new()
    {
        [20429] = new(SendOutcome.Retryable, "Twilio is busy (too many requests at once). The message will be tried again shortly."),
        [30001] = new(SendOutcome.Retryable, "The sender's queue at Twilio is full. The message will be tried again later, more slowly."),
        [21611] = new(SendOutcome.Retryable, "The sending number has too many messages queued at Twilio. The message will be tried again later, more slowly."),

        [30003] = new(SendOutcome.Final, "The phone is unreachable or switched off."),
        [30008] = new(SendOutcome.Final, "Delivery failed for an unknown reason."),
        [21610] = new(SendOutcome.Final, "The recipient has opted out (replied STOP). They must text START before you can text them again."),
        [21211] = new(SendOutcome.Final, "The number is not a valid phone number."),
        [21614] = new(SendOutcome.Final, "The number is not a mobile number and cannot receive texts."),
        [21612] = new(SendOutcome.Final, "Twilio cannot route a text to this number."),
        [21617] = new(SendOutcome.Final, "The message is too long (over 1,600 characters)."),
        [30004] = new(SendOutcome.Final, "The message was blocked by the recipient or their carrier."),
        [30005] = new(SendOutcome.Final, "The number is unknown or no longer exists."),
        [30006] = new(SendOutcome.Final, "The number is a landline or the carrier cannot receive texts."),
        [30007] = new(SendOutcome.Final, "The carrier filtered the message as spam."),

        [30034] = new(SendOutcome.Configuration, "The sending number is not registered for A2P 10DLC. An admin must register it with Twilio; sending from it is paused."),
        [30032] = new(SendOutcome.Configuration, "The toll-free sending number is not verified. An admin must complete toll-free verification with Twilio; sending from it is paused."),
        [21408] = new(SendOutcome.Configuration, "Texting this region is not enabled on the Twilio account. An admin must enable it in Twilio's geo permissions; sending is paused."),
        [20003] = new(SendOutcome.Configuration, "Twilio refused the account credentials. An admin must check Twilio:AccountSid and Twilio:AuthToken; sending is paused."),
        [21606] = new(SendOutcome.Configuration, "The sending number cannot send texts (not a message-capable Twilio number for this destination). An admin must check the number in Twilio; sending is paused."),
        [21659] = new(SendOutcome.Configuration, "The sending number is not a Twilio number (or is still being ported). An admin must check Twilio:PhoneNumber; sending is paused."),
        [21660] = new(SendOutcome.Configuration, "The sending number belongs to a different Twilio account. An admin must check Twilio:PhoneNumber and the account credentials; sending is paused."),
        [21212] = new(SendOutcome.Configuration, "The sending number is not valid. An admin must check Twilio:PhoneNumber; sending is paused."),
    };

    /// <summary>How the outbox must act on a Twilio error: from the error code when Twilio gave one, else from the HTTP status.</summary>
    public static SendOutcome Classify(int? errorCode, int? httpStatus)
    {
        if (errorCode is { } code && Codes.TryGetValue(code, out var known)) return known.Outcome;
        return httpStatus switch
        {
            429 => SendOutcome.Retryable,
            401 or 403 => SendOutcome.Configuration,
            // 408 and 5xx: Twilio (or a proxy in front of it) may have created the message before failing.
            408 or >= 500 => SendOutcome.Unknown,
            >= 400 => SendOutcome.Final,
            _ => errorCode is null ? SendOutcome.Unknown : SendOutcome.Final,
        };
    }

    /// <summary>Whether offering the agent a retry can help: false for errors that will certainly recur for this recipient.</summary>
    public static bool RetryCanHelp(int? code) =>
        code is not { } c || !Codes.TryGetValue(c, out var known) || known.Outcome != SendOutcome.Final || c is 30003 or 30008;

    public static string Describe(int? code, string? providerMessage = null) =>
        code is { } c && Codes.TryGetValue(c, out var known) ? known.Reason
        : !string.IsNullOrWhiteSpace(providerMessage) ? providerMessage
        : code is { } other ? $"Twilio error {other}." : "The message could not be sent.";

    internal static IEnumerable<int> KnownCodes => Codes.Keys;
}
