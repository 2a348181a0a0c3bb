namespace Winnerr.Sms.Core.Compliance;

/// <summary>When a marketing text may go to a recipient: quiet hours in the recipient's own local time.</summary>
public interface IMarketingWindow
{
    /// <summary><paramref name="now"/> when sending now is allowed, else the earliest allowed instant after it.</summary>
    DateTimeOffset NextAllowed(DateTimeOffset now, string phone, string? contactTimeZone);
}
