namespace Winnerr.Sms.Core.Conversations;

/// <summary>The read side of the inbox: short-lived contexts, no tracking, one indexed query per list.</summary>
public sealed class InboxQueries(IDbContextFactory<SmsDbContext> dbFactory)
{
    public const int MessagePageSize = 100;

    public async Task<ThreadPage> GetThreadsAsync(long agentId, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var threads = await Project(db.Conversations.AsNoTracking()
                .Where(c => c.AgentId == agentId)
                .OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.Id)
                .Skip(skip).Take(take))
            .ToListAsync(ct);
        var total = await db.Conversations.CountAsync(c => c.AgentId == agentId, ct);
        var unread = await TotalUnreadAsync(db, agentId, ct);
        return new ThreadPage(threads, total, unread);
    }

    /// <summary>Texts to numbers no agent owns, newest first: what admins see in Unassigned.</summary>
    public async Task<IReadOnlyList<(ThreadSummary Thread, string AgentNumber)>> GetUnassignedAsync(int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var conversations = db.Conversations.AsNoTracking().Where(c => c.AgentId == null)
            .OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.Id).Take(take);
        var threads = await Project(conversations).ToListAsync(ct);
        var numbers = await conversations.Select(c => new { c.Id, c.AgentNumber }).ToDictionaryAsync(c => c.Id, c => c.AgentNumber, ct);
        return threads.Select(t => (t, numbers[t.ConversationId])).ToList();
    }

    public async Task<ConversationDetail?> GetConversationAsync(long agentId, long conversationId, long? beforeMessageId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var thread = await Project(db.Conversations.AsNoTracking().Where(c => c.AgentId == agentId && c.Id == conversationId))
            .FirstOrDefaultAsync(ct);
        if (thread is null) return null;
        var query = db.Messages.AsNoTracking().Where(m => m.ConversationId == conversationId);
        if (beforeMessageId is { } before)
        {
            // Older than the oldest shown, in the conversation's own order (time, then id).
            var at = await db.Messages.Where(m => m.Id == before && m.ConversationId == conversationId).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(ct);
            if (at is not { } cutoff) return new ConversationDetail(thread, [], false);
            query = query.Where(m => m.CreatedAt < cutoff || (m.CreatedAt == cutoff && m.Id < before));
        }
        var newestFirst = await query
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Take(MessagePageSize + 1)
            .ToListAsync(ct);
        var hasOlder = newestFirst.Count > MessagePageSize;
        var messages = newestFirst.Take(MessagePageSize).Reverse().Select(MessageView.From).ToList();
        return new ConversationDetail(thread, messages, hasOlder);
    }

    private static IQueryable<ThreadSummary> Project(IQueryable<Conversation> conversations) =>
        conversations.Select(c => new ThreadSummary(
                c.Id, c.ContactId,
                c.Contact.FirstName == "" && c.Contact.LastName == "" ? c.Contact.Phone : (c.Contact.FirstName + " " + c.Contact.LastName).Trim(),
                c.Contact.Phone, c.LastMessagePreview, c.LastMessageAt, c.UnreadCount, c.Contact.IsOptedOut,
                new ContactConsentState(c.Contact.Consent, c.Contact.IsOptedOut,
                    c.Contact.IsOptedOut && c.Contact.OptOutKeyword != null && KeywordList.Contains(c.Contact.OptOutKeyword) ? c.Contact.OptOutKeyword : null,
                    c.Contact.OptOutAt, c.Contact.LastInboundAt, c.Contact.RevocationFlaggedAt),
                c.NeedsReply, c.LastMessageDirection, c.LastMessageStatus));

    private static readonly string[] KeywordList = OptOutKeywords.OptOut.Select(k => k.ToUpperInvariant()).ToArray();

    /// <summary>Texts flagged as a revocation in the contact's own words, awaiting the agent's decision.</summary>
    public async Task<int> PendingReviewsAsync(long agentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Contacts.CountAsync(c => c.AgentId == agentId && c.RevocationFlaggedAt != null, ct);
    }

    internal static Task<int> TotalUnreadAsync(SmsDbContext db, long agentId, CancellationToken ct = default) =>
        db.Conversations.Where(c => c.AgentId == agentId && c.UnreadCount > 0).SumAsync(c => c.UnreadCount, ct);
}
