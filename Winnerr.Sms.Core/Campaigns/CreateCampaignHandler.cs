namespace Winnerr.Sms.Core.Campaigns;

/// <summary>Confirms a campaign: plans it again on the server and stores each recipient's text, thread and outbox row.</summary>
/// <remarks>
/// A 5,000-recipient campaign is about 20,000 rows written while the single writer waits, and every webhook
/// with it. Through EF's change tracker that took seconds; written directly (<see cref="RowWriter"/>), a
/// fraction of one.
/// </remarks>
public sealed class CreateCampaignHandler(CampaignPlanner planner) : CommandHandler<CreateCampaign>
{
    public override bool WritesDirectly => true;

    /// <summary>Campaigns made earlier in this batch, by (agent, composer), for a second confirm of the same composer.</summary>
    private sealed class Made : Dictionary<(long AgentId, string AudienceId), Campaign>;

    protected override Task PrepareAsync(SmsDbContext db, IReadOnlyList<CreateCampaign> commands, WriteBatch batch, CancellationToken ct)
    {
        batch.Set(new Made());
        return Task.CompletedTask;
    }

    protected override async Task<Completion> ApplyAsync(SmsDbContext db, CreateCampaign c, WriteBatch batch, CancellationToken ct)
    {
        var name = c.Name.Trim();
        if (name.Length == 0) return Fail(WriteResult.Invalid("Give the campaign a name."));
        if (name.Length > 200) return Fail(WriteResult.Invalid("A campaign name can be at most 200 characters."));

        // Another tab (or this batch) confirmed the same composer first.
        var made = batch.Get<Made>();
        var existingId = made.TryGetValue((c.AgentId, c.AudienceId), out var earlier) ? earlier.Id
            : await db.Campaigns.Where(x => x.AgentId == c.AgentId && x.AudienceId == c.AudienceId).Select(x => (long?)x.Id).FirstOrDefaultAsync(ct);
        if (existingId is { } id) return (_, _) => new WriteResult(WriteOutcome.Duplicate, CampaignId: id);

        var audience = await db.CampaignAudiences.AsNoTracking().FirstOrDefaultAsync(a => a.Id == c.AudienceId && a.AgentId == c.AgentId, ct);
        if (audience is null) return Fail(WriteResult.NotFound("This selection is gone. Pick the recipients in People again."));
        var agent = await db.Agents.AsNoTracking().Include(a => a.Numbers).FirstOrDefaultAsync(a => a.Id == c.AgentId, ct);
        if (agent is null) return Fail(WriteResult.NotFound("Agent not found."));
        if (agent.PrimaryNumber is not { } from)
            return Fail(WriteResult.Invalid("You have no Twilio number to text from yet. An admin can add one in Settings."));

        if (c.RequestsConsent && c.Purpose != TextPurpose.Transactional)
            return Fail(WriteResult.Invalid("A consent request is a transactional text: it asks for marketing consent, it cannot need it."));
        var now = batch.Now;
        var contacts = await PlanContacts.LoadAsync(db, c.AgentId, audience.Ids(), now, ct);
        var plan = planner.Plan(new PlanRequest(agent.Name, c.Body, c.Purpose, c.StartAt), contacts, now);
        if (!plan.Ok) return Fail(WriteResult.Invalid(plan.Error!));

        await using var rows = new RowWriter(db);
        var campaign = new Campaign
        {
            AgentId = c.AgentId, Name = name, Body = c.Body.TrimEnd(), TemplateId = c.TemplateId, Purpose = c.Purpose, SenderNumber = from,
            StartAt = c.StartAt, AudienceId = c.AudienceId, Total = plan.Rows.Count, CreatedAt = now, UpdatedAt = now,
        };
        await rows.InsertAsync(campaign, ct);
        made[(c.AgentId, c.AudienceId)] = campaign;

        var sending = plan.Rows.Where(r => r.Verdict != PlanVerdicts.Skip).Select(r => r.ContactId).ToList();
        var threads = await ThreadsAsync(db, from, sending, ct);
        var read = threads.Values.Select(t => (Thread: t, Before: rows.Take(t))).ToList();
        foreach (var (row, position) in plan.Rows.Select((r, i) => (r, i)))
        {
            var recipient = new CampaignRecipient
            {
                CampaignId = campaign.Id, Position = position, ContactId = row.ContactId, Phone = row.Phone, Name = row.Name, PlanReason = row.Reason,
            };
            if (row.Verdict != PlanVerdicts.Skip)
                recipient.MessageId = await QueueTextAsync(rows, c, campaign, row, threads, now, ct);
            await rows.InsertAsync(recipient, ct);
        }
        // Threads that existed: only what the campaign changed on them (another node may have changed the rest).
        foreach (var (thread, before) in read) await rows.UpdateChangedAsync(thread, before, ct: ct);

        if (c.RequestsConsent)
        {
            // Their YES within the window is what records marketing consent (ConsentReply).
            foreach (var chunk in sending.Chunk(1000))
                await db.Contacts.Where(x => chunk.Contains(x.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.ConsentRequestedAt, now), ct);
        }
        batch.OutboxChanged = true;
        batch.Agents.Add(c.AgentId);

        return (events, _) =>
        {
            events.Add(new CampaignChanged(c.AgentId, campaign.Id, ThreadsChanged: true));
            return new WriteResult(WriteOutcome.Done, CampaignId: campaign.Id);
        };
    }

    /// <summary>Stores one recipient's text and its outbox row in their thread (made here when they have none); returns the text's id.</summary>
    private static async Task<long> QueueTextAsync(RowWriter rows, CreateCampaign c, Campaign campaign, PlanRow row,
        Dictionary<long, Conversation> threads, DateTimeOffset now, CancellationToken ct)
    {
        var dueAt = row.SendAt ?? now;
        var message = new Message
        {
            AgentId = c.AgentId, ContactId = row.ContactId, CampaignId = campaign.Id, Direction = MessageDirection.Outbound, Body = row.Text!,
            Purpose = c.Purpose, Status = dueAt > now ? MessageStatus.Scheduled : MessageStatus.Queued, ScheduledFor = dueAt > now ? dueAt : null,
            CreatedAt = now, UpdatedAt = now,
        };
        var isNew = !threads.TryGetValue(row.ContactId, out var conversation);
        if (isNew)
        {
            conversation = new Conversation { AgentId = c.AgentId, AgentNumber = campaign.SenderNumber, ContactId = row.ContactId, LastMessageAt = now };
            threads[row.ContactId] = conversation;
        }
        // A campaign text is not an answer: a thread waiting for the agent's reply keeps waiting.
        var needsReply = conversation!.NeedsReply;
        conversation.Touch(message);
        conversation.NeedsReply = needsReply;
        if (isNew) await rows.InsertAsync(conversation, ct);

        message.ConversationId = conversation.Id;
        await rows.InsertAsync(message, ct);
        await rows.InsertAsync(new OutboxItem
        {
            MessageId = message.Id, CampaignId = campaign.Id, SenderNumber = campaign.SenderNumber, Priority = OutboxPriority.Bulk, DueAt = dueAt, CreatedAt = now,
        }, ct);
        return message.Id;
    }

    private static async Task<Dictionary<long, Conversation>> ThreadsAsync(SmsDbContext db, string from, List<long> contactIds, CancellationToken ct)
    {
        var threads = new Dictionary<long, Conversation>(contactIds.Count);
        foreach (var chunk in contactIds.Chunk(1000))
            foreach (var t in await db.Conversations.AsNoTracking().Where(x => x.AgentNumber == from && chunk.Contains(x.ContactId)).ToListAsync(ct))
                threads[t.ContactId] = t;
        return threads;
    }
}
