namespace Winnerr.Sms.Core.Data;

/// <summary>A real-estate agent's week, for the embedded default. Numbers are in the 555-01xx range reserved for fiction.</summary>
public static class DemoData
{
    private sealed record Line(bool Inbound, string Body, double HoursAgo);

    private sealed record Thread(string First, string Last, string Phone, int Unread, Line[] Lines);

    private static readonly Thread[] Threads =
    [
        new("Maria", "Lopez", "+12125550147", 2,
        [
            new(false, "Hi Maria, it's Alex. The sellers accepted a showing for 418 Maple Ave on Saturday at 2 PM. Does that work?", 30),
            new(true, "Saturday works! Can my husband come too?", 29.5),
            new(false, "Of course. See you both there.", 29),
            new(true, "Is there parking on the street or should we use the driveway?", 0.6),
            new(true, "Also, do they allow pets? We have a small dog 🐶", 0.5),
        ]),
        new("James", "Carter", "+13105550188", 1,
        [
            new(false, "James, the inspection report for 22 Harbor Lane is in. Two items to discuss, nothing major.", 50),
            new(true, "Thanks. Can you call me after 5?", 3),
        ]),
        new("Priya", "Shah", "+14155550123", 0,
        [
            new(true, "Hi Alex, we saw the listing on Elm St. Is it still available?", 26),
            new(false, "Hi Priya! Yes, it is. Open house Sunday 1–3 PM, or I can show it privately this week.", 25.5),
            new(true, "Sunday is perfect, thank you!", 25),
        ]),
        new("Tom", "Nguyen", "+16175550162", 0,
        [
            new(false, "Tom, the appraisal came in at asking. We're on track to close on the 14th.", 72),
            new(true, "Great news, thanks!", 71),
        ]),
        new("Danielle", "Brooks", "+17735550119", 1,
        [
            new(false, "Hi Danielle, just checking in: are you still thinking of listing in the spring?", 120),
            new(true, "Yes, but we want to repaint first. Who do you recommend?", 8),
        ]),
        new("Kevin", "O'Neil", "+12065550175", 0,
        [
            new(false, "Kevin, your offer on 9 Birch Ct was accepted! Congratulations 🎉", 96),
            new(true, "Amazing!! What are the next steps?", 95),
            new(false, "Earnest money within 3 days; I'll send the wire instructions by email. Call the title company only at the number on their website.", 94),
        ]),
        new("", "", "+13125550190", 1,
        [
            new(true, "Hi, I got your number from the sign on Oak Street. What's the asking price?", 1.5),
        ]),
    ];

    public static void Seed(SmsDbContext db, long agentId, string agentNumber, DateTimeOffset now)
    {
        foreach (var t in Threads)
        {
            var contact = new Contact { AgentId = agentId, FirstName = t.First, LastName = t.Last, Phone = t.Phone, CreatedAt = now.AddDays(-30) };
            var conversation = new Conversation { AgentId = agentId, AgentNumber = agentNumber, Contact = contact, UnreadCount = t.Unread, LastMessageAt = now.AddDays(-30) };
            db.Conversations.Add(conversation);
            var index = 0;
            foreach (var line in t.Lines)
            {
                var at = now.AddHours(-line.HoursAgo);
                var message = new Message
                {
                    Conversation = conversation, Contact = contact, Body = line.Body, CreatedAt = at, UpdatedAt = at,
                    Direction = line.Inbound ? MessageDirection.Inbound : MessageDirection.Outbound,
                    Status = line.Inbound ? MessageStatus.Received : MessageStatus.Delivered,
                    Sid = $"SMdemo{t.Phone[1..]}{index++:D4}",
                };
                db.Messages.Add(message);
                conversation.Touch(message);
            }
        }
    }
}
