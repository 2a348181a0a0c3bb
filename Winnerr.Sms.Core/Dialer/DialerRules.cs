namespace Winnerr.Sms.Core.Dialer;

/// <summary>Who a dialer session calls, and who it skips (and why, shown on the queue).</summary>
public static class DialerRules
{
    public static string? SkipReason(Contact contact)
    {
        if (contact.DeletedAt is not null) return "Deleted";
        if (contact.DoNotCallAt is not null) return "Do not call";
        if (contact.IsOptedOut) return contact.IsKeywordOptOut ? $"Opted out ({contact.OptOutKeyword})" : "Opted out";
        return null;
    }
}
