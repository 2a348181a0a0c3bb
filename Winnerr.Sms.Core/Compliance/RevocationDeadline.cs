namespace Winnerr.Sms.Core.Compliance;

/// <summary>A revocation must be honoured within 10 business days of receipt (47 CFR 64.1200(a)(10)).</summary>
public static class RevocationDeadline
{
    /// <summary>Weekends are skipped; federal holidays are not modelled, which only makes the deadline earlier than the law's.</summary>
    public static DateTimeOffset From(DateTimeOffset receivedAt, int businessDays)
    {
        var at = receivedAt;
        var left = businessDays;
        while (left > 0)
        {
            at = at.AddDays(1);
            if (at.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) left--;
        }
        return at;
    }
}
