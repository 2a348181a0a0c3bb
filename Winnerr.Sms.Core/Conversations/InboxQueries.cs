namespace Winnerr.Sms.Core.Conversations;

/// <summary>The read side of the inbox: short-lived contexts, no tracking, one indexed query per list.</summary>
public sealed class InboxQueries(IDbContextFactory<SmsDbContext> dbFactory)
{
    public const int MessagePageSize = 100;

    public async Task<ThreadPage> GetThreadsAsync(long agentId, int skip, int take, ThreadQuery? query = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = Filter(db.Conversations.AsNoTracking().Where(c => c.AgentId == agentId), query ?? ThreadQuery.All);
        var threads = await Project(mine
                .OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.Id)
                .Skip(skip).Take(take))
            .ToListAsync(ct);
        var total = await mine.CountAsync(ct);
        var unread = await TotalUnreadAsync(db, agentId, ct);
        var needsReply = await TotalNeedsReplyAsync(db, agentId, ct);
        return new ThreadPage(threads, total, unread, needsReply);
    }

    private static readonly string?[] FailedStatuses = [MessageStatus.Failed, MessageStatus.Undelivered, MessageStatus.Canceled];

    /// <summary>The rules of <see cref="ThreadQuery.Matches"/>, in SQL.</summary>
    private static IQueryable<Conversation> Filter(IQueryable<Conversation> conversations, ThreadQuery query)
    {
        conversations = query.Filter switch
        {
            InboxFilter.Unread => conversations.Where(c => c.UnreadCount > 0),
            InboxFilter.NeedsReply => conversations.Where(c => c.NeedsReply),
            InboxFilter.Failed => conversations.Where(c => c.LastMessageDirection == MessageDirection.Outbound && FailedStatuses.Contains(c.LastMessageStatus)),
            InboxFilter.OptedOut => conversations.Where(c => c.Contact.IsOptedOut),
            _ => conversations,
        };
        if (query.Search is not { } search) return conversations;
        if (query.PhoneDigits is { } digits)
        {
            var whole = Like(search);
            return conversations.Where(c => c.Contact.Phone.Contains(digits) || EF.Functions.Like(c.LastMessagePreview, whole, LikeEscape));
        }
        foreach (var word in query.Words)
        {
            var pattern = Like(word);
            conversations = conversations.Where(c => EF.Functions.Like(c.Contact.FirstName + " " + c.Contact.LastName, pattern, LikeEscape)
                || EF.Functions.Like(c.LastMessagePreview, pattern, LikeEscape));
        }
        return conversations;
    }

    private const string LikeEscape = "\\";

    private static string Like(string term) =>
        "%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

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
        DateTimeOffset? until = null;
        if (beforeMessageId is { } before)
        {
            // Older than the oldest shown, in the conversation's own order (time, then id).
            var at = await db.Messages.Where(m => m.Id == before && m.ConversationId == conversationId).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(ct);
            if (at is not { } cutoff) return new ConversationDetail(thread, [], false);
            query = query.Where(m => m.CreatedAt < cutoff || (m.CreatedAt == cutoff && m.Id < before));
            until = cutoff;
        }
        var newestFirst = await query
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Take(MessagePageSize + 1)
            .ToListAsync(ct);
        var hasOlder = newestFirst.Count > MessagePageSize;
        var messages = newestFirst.Take(MessagePageSize).Reverse().Select(MessageView.From).ToList();
        // The record's events belong to the same span of time as the page: from its oldest message (all of
        // the past when nothing is older) up to the page that was already shown, if any.
        DateTimeOffset? since = hasOlder ? messages[0].CreatedAt : null;
        return new ConversationDetail(thread, messages, hasOlder)
        {
            Contact = beforeMessageId is null ? await CardAsync(db, thread.ContactId, ct) : null,
            Events = await EventsAsync(db, thread.ContactId, since, until, ct),
        };
    }

    /// <summary>Older messages shown above a message opened from History, and the most messages such an opening loads.</summary>
    public const int ContextBefore = 20, MaxMessagesAt = 20_000;

    /// <summary>
    /// The conversation from a few messages before <paramref name="messageId"/> up to its newest, so History can open it
    /// at that message however far back it is; the thread stays one span up to now, as live updates expect.
    /// </summary>
    public async Task<ConversationDetail?> GetConversationAtAsync(long agentId, long conversationId, long messageId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var thread = await Project(db.Conversations.AsNoTracking().Where(c => c.AgentId == agentId && c.Id == conversationId)).FirstOrDefaultAsync(ct);
        if (thread is null) return null;
        var target = await db.Messages.Where(m => m.Id == messageId && m.ConversationId == conversationId)
            .Select(m => new { m.CreatedAt, m.Id }).FirstOrDefaultAsync(ct);
        if (target is null) return await GetConversationAsync(agentId, conversationId, ct: ct);
        var older = await db.Messages
            .Where(m => m.ConversationId == conversationId && (m.CreatedAt < target.CreatedAt || (m.CreatedAt == target.CreatedAt && m.Id < target.Id)))
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Select(m => new { m.CreatedAt, m.Id }).Take(ContextBefore + 1).ToListAsync(ct);
        var from = older.Count == 0 ? target : older[Math.Min(older.Count, ContextBefore) - 1];
        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId && (m.CreatedAt > from.CreatedAt || (m.CreatedAt == from.CreatedAt && m.Id >= from.Id)))
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Take(MaxMessagesAt)
            .ToListAsync(ct);
        var hasOlder = older.Count > ContextBefore;
        var views = messages.Select(MessageView.From).ToList();
        return new ConversationDetail(thread, views, hasOlder)
        {
            Contact = await CardAsync(db, thread.ContactId, ct),
            Events = await EventsAsync(db, thread.ContactId, hasOlder ? views[0].CreatedAt : null, null, ct),
        };
    }

    /// <summary>The header's contact and the record's events since <paramref name="since"/>: reloaded when the contact changes.</summary>
    public async Task<ConversationContext?> GetConversationContextAsync(long agentId, long conversationId, DateTimeOffset? since, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contactId = await db.Conversations.Where(c => c.AgentId == agentId && c.Id == conversationId).Select(c => (long?)c.ContactId).FirstOrDefaultAsync(ct);
        if (contactId is not { } id || await CardAsync(db, id, ct) is not { } card) return null;
        return new ConversationContext(card, await EventsAsync(db, id, since, null, ct));
    }

    /// <summary>The agent's unsent text in the conversation, if any.</summary>
    public async Task<string?> GetDraftAsync(long agentId, long conversationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Conversations.Where(c => c.AgentId == agentId && c.Id == conversationId).Select(c => c.Draft).FirstOrDefaultAsync(ct);
    }

    private static async Task<ContactCard?> CardAsync(SmsDbContext db, long contactId, CancellationToken ct)
    {
        var contact = await db.Contacts.AsNoTracking().Include(c => c.Tags).FirstOrDefaultAsync(c => c.Id == contactId, ct);
        return contact is null ? null : ContactCard.From(contact);
    }

    /// <summary>At most this many record lines per span: a number that toggles STOP/START all day must not flood the thread.</summary>
    public const int MaxEventsPerPage = 200;

    private static async Task<IReadOnlyList<ContactEventView>> EventsAsync(SmsDbContext db, long contactId, DateTimeOffset? since, DateTimeOffset? until, CancellationToken ct)
    {
        var query = db.ContactEvents.AsNoTracking().Where(e => e.ContactId == contactId && ContactEventView.ConversationKinds.Contains(e.Kind));
        if (since is { } from) query = query.Where(e => e.At >= from);
        if (until is { } to) query = query.Where(e => e.At < to);
        var newestFirst = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(MaxEventsPerPage)
            .Select(e => new ContactEventView(e.Id, e.At, e.Kind, e.Text))
            .ToListAsync(ct);
        newestFirst.Reverse();
        return newestFirst;
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

    private static readonly string[] KeywordList = OptOutKeywords.StoredOptOut;

    /// <summary>Texts flagged as a revocation in the contact's own words, awaiting the agent's decision.</summary>
    public async Task<IReadOnlyList<long>> PendingReviewContactsAsync(long agentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Contacts.Where(c => c.AgentId == agentId && c.RevocationFlaggedAt != null).Select(c => c.Id).ToListAsync(ct);
    }

    internal static Task<int> TotalNeedsReplyAsync(SmsDbContext db, long agentId, CancellationToken ct = default) =>
        db.Conversations.CountAsync(c => c.AgentId == agentId && c.NeedsReply, ct);

    internal static Task<int> TotalUnreadAsync(SmsDbContext db, long agentId, CancellationToken ct = default) =>
        db.Conversations.Where(c => c.AgentId == agentId && c.UnreadCount > 0).SumAsync(c => c.UnreadCount, ct);
}
