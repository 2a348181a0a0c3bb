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
    public string? Email { get; set; }
    public string? PropertyAddress { get; set; }
    /// <summary>The next showing, as an instant; shown in <see cref="TimeZone"/>.</summary>
    public DateTimeOffset? ShowingAt { get; set; }
    /// <summary>The contact's IANA time zone (e.g. America/Chicago); the agent's when unknown.</summary>
    public string? TimeZone { get; set; }
    public string? Notes { get; set; }
    public List<ContactTag> Tags { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Deleting keeps the record (and so the conversation history); the contact is hidden from People.</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    public ConsentStatus Consent { get; set; } = ConsentStatus.TransactionalOnly;
    /// <summary>Where the current consent came from: "web form", "verbal", "import", "keyword STOP", ...</summary>
    public string? ConsentSource { get; set; }
    public DateTimeOffset? ConsentAt { get; set; }

    // The opt-out facts the inbox and the simulator read; kept in step by RecordConsent.
    public bool IsOptedOut { get; set; }
    public DateTimeOffset? OptOutAt { get; set; }
    /// <summary>The keyword or action that last changed the opt-out state (e.g. "STOP", "START").</summary>
    public string? OptOutKeyword { get; set; }

    /// <summary>The contact's latest inbound text: after an opt-out (not by keyword), replies are allowed for a while after it.</summary>
    public DateTimeOffset? LastInboundAt { get; set; }
    /// <summary>An inbound text read as a revocation in the contact's own words, awaiting the agent's review.</summary>
    public DateTimeOffset? RevocationFlaggedAt { get; set; }
    /// <summary>When a double opt-in request went to the contact: a YES (or START) within the window records marketing consent.</summary>
    public DateTimeOffset? ConsentRequestedAt { get; set; }
    /// <summary>The contact asked not to be called (set from a dialer outcome); power dialer sessions skip them.</summary>
    public DateTimeOffset? DoNotCallAt { get; set; }

    /// <summary>Opted out by a Twilio keyword (STOP, ...): Twilio itself blocks every text from the number until START.</summary>
    public bool IsKeywordOptOut => IsOptedOut && OptOutKeyword is { } k && OptOutKeywords.OptOut.Contains(k);

    public ContactConsentState ConsentState => new(Consent, IsOptedOut, IsKeywordOptOut ? OptOutKeyword : null, OptOutAt, LastInboundAt, RevocationFlaggedAt);

    public string DisplayName => NameOf(FirstName, LastName, Phone);

    /// <summary>"First Last", or the number for someone not yet named.</summary>
    public static string NameOf(string first, string last, string phone) =>
        string.IsNullOrWhiteSpace(first) && string.IsNullOrWhiteSpace(last) ? phone : $"{first} {last}".Trim();

    /// <summary>Changes consent and the opt-out facts together; returns false when nothing changed.</summary>
    public bool RecordConsent(ConsentStatus status, string source, DateTimeOffset at, string? keyword = null)
    {
        if (Consent == status && ConsentSource == source) return false;
        var wasOptedOut = IsOptedOut;
        Consent = status;
        ConsentSource = source;
        ConsentAt = at;
        IsOptedOut = status == ConsentStatus.OptedOut;
        if (wasOptedOut != IsOptedOut || keyword is not null)
        {
            OptOutAt = at;
            OptOutKeyword = keyword ?? (IsOptedOut ? "manual" : null);
        }
        return true;
    }
}

/// <summary>SMS consent (TCPA): marketing needs express written consent; transactional texts answer the contact.</summary>
public enum ConsentStatus { MarketingOptIn, TransactionalOnly, OptedOut }

public class ContactTag
{
    public long ContactId { get; set; }
    public required string Tag { get; set; }
}

/// <summary>A line of a contact's record besides their texts: consent changes, edits, imports.</summary>
public class ContactEvent
{
    public long Id { get; set; }
    public long ContactId { get; set; }
    public Contact? Contact { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Kind { get; set; }
    public required string Text { get; set; }
}
