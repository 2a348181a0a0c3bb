using System.Globalization;

namespace Winnerr.Sms.Core.Compliance;

/// <summary>An instant as the recipient's clock shows it.</summary>
public sealed record RecipientLocalTime(DateTimeOffset Local, TimeZoneInfo Zone)
{
    /// <summary>"Sat 9:00 AM America/Chicago".</summary>
    public override string ToString() => $"{Local.ToString("ddd h:mm tt", CultureInfo.InvariantCulture)} {Zone.Id}";
}
