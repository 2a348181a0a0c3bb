namespace Winnerr.Sms.Core.Contacts;

public sealed record ContactInput(
    string FirstName, string LastName, string Phone, string? Email = null, string? PropertyAddress = null,
    DateTimeOffset? ShowingAt = null, string? TimeZone = null, IReadOnlyList<string>? Tags = null, string? Notes = null,
    ConsentStatus Consent = ConsentStatus.TransactionalOnly, string? ConsentSource = null);

public sealed record ContactSaveResult(long? ContactId, string? Error, long? ExistingContactId = null)
{
    public bool Saved => ContactId is not null;
}

public sealed record PeopleFilter(string? Search = null, ConsentStatus? Consent = null, string? Tag = null);

public enum PeopleSort { Name, Phone, Email, Created }

public sealed record PersonRow(long Id, string Name, string Phone, string? Email, IReadOnlyList<string> Tags, ConsentStatus Consent,
    string? ConsentSource, DateTimeOffset? ConsentAt);

public sealed record ContactDetail(Contact Contact, IReadOnlyList<string> Tags, long? ConversationId);

public enum TimelineKind { Inbound, Outbound, Event, Call }

/// <param name="CampaignId">The campaign an outbound text was part of, with its name.</param>
public sealed record TimelineEntry(TimelineKind Kind, DateTimeOffset At, string Text, string? Status, int? ErrorCode, long? MessageId,
    long? CampaignId = null, string? CampaignName = null);

public sealed record ImportReport(int Imported, int Merged, IReadOnlyList<(int Row, string Reason)> Refused)
{
    public int Total => Imported + Merged + Refused.Count;
}

public static class ConsentText
{
    /// <summary>The badge on a profile: "Can text: marketing", "Transactional only", "Opted out via STOP on Nov 26".</summary>
    public static string Badge(ConsentStatus status, string? source, DateTimeOffset? at, Func<DateTimeOffset, string> date) => status switch
    {
        ConsentStatus.MarketingOptIn => "Can text: marketing",
        ConsentStatus.TransactionalOnly => "Transactional only",
        _ => "Opted out" + How(source) + (at is { } when ? $" on {date(when)}" : ""),
    };

    /// <summary>How the opt-out came about, in words that read naturally after "Opted out".</summary>
    private static string How(string? source) => source switch
    {
        null or "" => "",
        _ when source.StartsWith("keyword ", StringComparison.Ordinal) => $" via {source["keyword ".Length..]}",
        "changed by agent" or "entered by agent" or "manual" => " by you",
        "revoked in own words" => " in their own words",
        _ when source.StartsWith("Twilio", StringComparison.Ordinal) => " via STOP (reported by Twilio)",
        _ when source.Contains("import", StringComparison.OrdinalIgnoreCase) => " by import",
        _ => $" ({source})",
    };
}
