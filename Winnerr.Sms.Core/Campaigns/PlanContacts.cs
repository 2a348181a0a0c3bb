namespace Winnerr.Sms.Core.Campaigns;

/// <summary>Loads what the plan needs for an audience: a few queries for any size, never one per recipient.</summary>
public static class PlanContacts
{
    private const int Chunk = 5000;

    /// <summary>The agent's contacts among <paramref name="ids"/>, in that order; ids of other agents' contacts are dropped.</summary>
    public static async Task<List<PlanContact>> LoadAsync(SmsDbContext db, long agentId, IReadOnlyList<long> ids, DateTimeOffset now, CancellationToken ct)
    {
        var contacts = new Dictionary<long, Contact>(ids.Count);
        var stats = new Dictionary<long, (bool Had, int Recent)>();
        var since = now.AddHours(-24);
        foreach (var chunk in ids.Distinct().Chunk(Chunk))
        {
            // Only the columns the plan reads: a campaign can load 10,000 contacts.
            foreach (var c in await db.Contacts.AsNoTracking().Where(c => c.AgentId == agentId && chunk.Contains(c.Id))
                         .Select(c => new Contact
                         {
                             Id = c.Id, Phone = c.Phone, FirstName = c.FirstName, LastName = c.LastName, PropertyAddress = c.PropertyAddress,
                             ShowingAt = c.ShowingAt, TimeZone = c.TimeZone, Consent = c.Consent, IsOptedOut = c.IsOptedOut,
                             OptOutKeyword = c.OptOutKeyword, OptOutAt = c.OptOutAt, LastInboundAt = c.LastInboundAt, RevocationFlaggedAt = c.RevocationFlaggedAt,
                         })
                         .ToListAsync(ct))
                contacts[c.Id] = c;
            var sent = await db.Messages
                .Where(m => chunk.Contains(m.ContactId) && m.Direction == MessageDirection.Outbound && m.Purpose == TextPurpose.Marketing && m.Sid != null)
                .GroupBy(m => m.ContactId)
                .Select(g => new { g.Key, Recent = g.Count(m => m.SentAt >= since) })
                .ToListAsync(ct);
            foreach (var s in sent) stats[s.Key] = (true, s.Recent);
        }
        var result = new List<PlanContact>(contacts.Count);
        var seen = new HashSet<long>();
        foreach (var id in ids)
        {
            if (!seen.Add(id) || !contacts.TryGetValue(id, out var c)) continue;
            var (had, recent) = stats.GetValueOrDefault(id);
            result.Add(new PlanContact(c.Id, c.Phone, c.FirstName, c.LastName, c.PropertyAddress, c.ShowingAt, c.TimeZone, c.ConsentState, recent, had));
        }
        return result;
    }
}
