namespace Winnerr.Sms.Core.Data;

/// <summary>A real-estate agent's week, for the embedded default. Numbers are in the 555-01xx range reserved for fiction.</summary>
public static class DemoData
{
    private sealed record Line(bool Inbound, string Body, double HoursAgo);

    private sealed record Thread(string First, string Last, string Phone, int Unread, Line[] Lines)
    {
        public string? Email { get; init; }
        public string? Address { get; init; }
        /// <summary>The next showing, days from now at a local hour, in <see cref="Zone"/>.</summary>
        public (int Days, int Hour)? Showing { get; init; }
        public string? Zone { get; init; }
        public string[] Tags { get; init; } = [];
        public ConsentStatus Consent { get; init; } = ConsentStatus.TransactionalOnly;
    }

    private static readonly (string Name, string Body, string Category)[] Templates =
    [
        ("Showing confirmation", "Hi {{first_name}}, you're confirmed to see {{property_address}} on {{showing_time}}. Reply here if anything changes. – {{agent_name}}", "Showings"),
        ("Running late", "Hi {{first_name}}, {{agent_name}} here: I'm running about 10 minutes late to {{property_address}}. Sorry!", "Showings"),
        ("Missed your call", "Sorry I missed you, {{ first_name | default: \"there\" }}. When's a good time to talk?", "Follow-up"),
        ("Open house invite", "Hi {{first_name}}, open house this Sunday 1–3 PM at {{ property_address | default: \"our new listing\" }}. Hope to see you! Reply STOP to opt out.", "Marketing"),
    ];

    private static readonly Thread[] Threads =
    [
        new("Maria", "Lopez", "+12125550147", 2,
        [
            new(false, "Hi Maria, it's Alex. The sellers accepted a showing for 418 Maple Ave on Saturday at 2 PM. Does that work?", 30),
            new(true, "Saturday works! Can my husband come too?", 29.5),
            new(false, "Of course. See you both there.", 29),
            new(true, "Is there parking on the street or should we use the driveway?", 0.6),
            new(true, "Also, do they allow pets? We have a small dog 🐶", 0.5),
        ]) { Email = "maria.lopez@example.com", Address = "418 Maple Ave", Showing = (4, 14), Zone = "America/New_York", Tags = ["buyer", "pre-approved"], Consent = ConsentStatus.MarketingOptIn },
        new("James", "Carter", "+13105550188", 1,
        [
            new(false, "James, the inspection report for 22 Harbor Lane is in. Two items to discuss, nothing major.", 50),
            new(true, "Thanks. Can you call me after 5?", 3),
        ]) { Email = "jcarter@example.com", Address = "22 Harbor Lane", Zone = "America/Los_Angeles", Tags = ["buyer", "under contract"] },
        new("Priya", "Shah", "+14155550123", 0,
        [
            new(true, "Hi Alex, we saw the listing on Elm St. Is it still available?", 26),
            new(false, "Hi Priya! Yes, it is. Open house Sunday 1–3 PM, or I can show it privately this week.", 25.5),
            new(true, "Sunday is perfect, thank you!", 25),
        ]) { Email = "priya.shah@example.com", Address = "77 Elm St", Showing = (2, 11), Zone = "America/Los_Angeles", Tags = ["buyer", "open house"], Consent = ConsentStatus.MarketingOptIn },
        new("Tom", "Nguyen", "+16175550162", 0,
        [
            new(false, "Tom, the appraisal came in at asking. We're on track to close on the 14th.", 72),
            new(true, "Great news, thanks!", 71),
        ]) { Email = "tom.nguyen@example.com", Address = "5 Beacon Row", Zone = "America/New_York", Tags = ["seller", "closing"] },
        new("Danielle", "Brooks", "+17735550119", 1,
        [
            new(false, "Hi Danielle, just checking in: are you still thinking of listing in the spring?", 120),
            new(true, "Yes, but we want to repaint first. Who do you recommend?", 8),
        ]) { Email = "dbrooks@example.com", Address = "1400 W Addison St", Zone = "America/Chicago", Tags = ["seller", "sphere"], Consent = ConsentStatus.MarketingOptIn },
        new("Kevin", "O'Neil", "+12065550175", 0,
        [
            new(false, "Kevin, your offer on 9 Birch Ct was accepted! Congratulations 🎉", 96),
            new(true, "Amazing!! What are the next steps?", 95),
            new(false, "Earnest money within 3 days; I'll send the wire instructions by email. Call the title company only at the number on their website.", 94),
        ]) { Address = "9 Birch Ct", Showing = (6, 10), Zone = "America/Los_Angeles", Tags = ["buyer"] },
        new("", "", "+13125550190", 1,
        [
            new(true, "Hi, I got your number from the sign on Oak Street. What's the asking price?", 1.5),
        ]),
    ];

    public static void Seed(SmsDbContext db, long agentId, string agentNumber, DateTimeOffset now)
    {
        foreach (var t in Threads)
        {
            var contact = new Contact
            {
                AgentId = agentId, FirstName = t.First, LastName = t.Last, Phone = t.Phone, CreatedAt = now.AddDays(-30),
                Email = t.Email, PropertyAddress = t.Address, TimeZone = t.Zone, ShowingAt = ShowingAt(t, now),
                Tags = t.Tags.Select(tag => new ContactTag { Tag = tag }).ToList(),
            };
            contact.RecordConsent(t.Consent, t.Consent == ConsentStatus.MarketingOptIn ? "web form" : "entered by agent", now.AddDays(-30));
            var conversation = new Conversation { AgentId = agentId, AgentNumber = agentNumber, Contact = contact, UnreadCount = t.Unread, LastMessageAt = now.AddDays(-30) };
            db.Conversations.Add(conversation);
            var index = 0;
            foreach (var line in t.Lines)
            {
                var at = now.AddHours(-line.HoursAgo);
                var message = new Message
                {
                    Conversation = conversation, AgentId = agentId, Contact = contact, Body = line.Body, CreatedAt = at, UpdatedAt = at,
                    Direction = line.Inbound ? MessageDirection.Inbound : MessageDirection.Outbound,
                    Status = line.Inbound ? MessageStatus.Received : MessageStatus.Delivered,
                    Sid = $"SMdemo{t.Phone[1..]}{index++:D4}",
                };
                db.Messages.Add(message);
                conversation.Touch(message);
                if (line.Inbound) contact.LastInboundAt = at;
            }
        }
        foreach (var (name, body, category) in Templates)
            db.Templates.Add(new Templates.MessageTemplate { AgentId = agentId, Name = name, Body = body, Category = category, CreatedAt = now, UpdatedAt = now });
    }

    /// <summary>A showing at a round local hour in the contact's own zone, a few days ahead.</summary>
    private static DateTimeOffset? ShowingAt(Thread t, DateTimeOffset now)
    {
        if (t.Showing is not { } showing || t.Zone is null || !TimeZoneInfo.TryFindSystemTimeZoneById(t.Zone, out var zone)) return null;
        var local = TimeZoneInfo.ConvertTime(now, zone).Date.AddDays(showing.Days).AddHours(showing.Hour);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
