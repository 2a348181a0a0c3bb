namespace Winnerr.Sms.Core.Messaging;

/// <summary>Twilio's message status words and the order they progress in.</summary>
public static class MessageStatus
{
    public const string Accepted = "accepted";
    public const string Scheduled = "scheduled";
    public const string Queued = "queued";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Delivered = "delivered";
    public const string Undelivered = "undelivered";
    public const string Failed = "failed";
    public const string Canceled = "canceled";
    public const string Read = "read";
    public const string Received = "received";

    private static readonly Dictionary<string, int> Rank = new(StringComparer.OrdinalIgnoreCase)
    {
        [Accepted] = 0, [Scheduled] = 0,
        [Queued] = 1,
        [Sending] = 2,
        [Sent] = 3,
        [Delivered] = 4, [Undelivered] = 4, [Failed] = 4, [Canceled] = 4,
        [Read] = 5,
        [Received] = 4,
    };

    public static bool IsKnown(string status) => Rank.ContainsKey(status);

    public static bool IsFailure(string status) =>
        status.Equals(Failed, StringComparison.OrdinalIgnoreCase) || status.Equals(Undelivered, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Twilio does not guarantee callback order, so a status only moves forward: a late "sent" never
    /// overwrites "delivered", and once one final status (delivered/undelivered/failed) is recorded
    /// another final one does not replace it.
    /// </summary>
    public static bool CanAdvance(string current, string next) =>
        Rank.TryGetValue(next, out var to) && (!Rank.TryGetValue(current, out var from) || to > from);
}
