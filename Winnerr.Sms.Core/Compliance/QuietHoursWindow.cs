namespace Winnerr.Sms.Core.Compliance;

/// <summary>The gate's view of quiet hours: the recipient's zone and state from their record or their number.</summary>
public sealed class QuietHoursWindow(IOptions<QuietHoursOptions> options) : IMarketingWindow
{
    private readonly QuietHours _hours = new(options.Value);

    public DateTimeOffset NextAllowed(DateTimeOffset now, string phone, string? contactTimeZone) =>
        _hours.NextAllowed(now, RecipientLocale.Resolve(phone, contactTimeZone));
}
