namespace Winnerr.Sms.Core.Contacts;

public class Contact
{
    public long Id { get; set; }
    /// <summary>The owning agent; null for senders who texted a number nobody owns.</summary>
    public long? AgentId { get; set; }
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    /// <summary>Mobile number in E.164; unique per agent.</summary>
    public required string Phone { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public bool IsOptedOut { get; set; }
    public DateTimeOffset? OptOutAt { get; set; }
    /// <summary>The keyword or action that last changed the opt-out state (e.g. "STOP", "START").</summary>
    public string? OptOutKeyword { get; set; }

    public string DisplayName =>
        string.IsNullOrWhiteSpace(FirstName) && string.IsNullOrWhiteSpace(LastName)
            ? Phone
            : $"{FirstName} {LastName}".Trim();
}
