namespace Winnerr.Sms.Core.Campaigns;

public sealed class CreateCampaignHandler(CampaignPlanner planner) : CommandHandler<CreateCampaign>
{
    protected override async Task<Completion> ApplyAsync(SmsDbContext db, CreateCampaign c, WriteBatch batch, CancellationToken ct)
    {
        var name = c.Name.Trim();
        if (name.Length == 0) return Fail(WriteResult.Invalid("Give the campaign a name."));
        if (name.Length > 200) return Fail(WriteResult.Invalid("A campaign name can be at most 200 characters."));

        // Another tab (or this batch) confirmed the same composer first.
        var existing = db.Campaigns.Local.FirstOrDefault(x => x.AgentId == c.AgentId && x.AudienceId == c.AudienceId)
            ?? await db.Campaigns.FirstOrDefaultAsync(x => x.AgentId == c.AgentId && x.AudienceId == c.AudienceId, ct);
        if (existing is not null) return (_, _) => new WriteResult(WriteOutcome.Duplicate, CampaignId: existing.Id);

        var audience = await db.CampaignAudiences.FirstOrDefaultAsync(a => a.Id == c.AudienceId && a.AgentId == c.AgentId, ct);
        if (audience is null) return Fail(WriteResult.NotFound("This selection is gone. Pick the recipients in People again."));
        var agent = await db.Agents.Include(a => a.Numbers).FirstOrDefaultAsync(a => a.Id == c.AgentId, ct);
        if (agent is null) return Fail(WriteResult.NotFound("Agent not found."));
        if (agent.PrimaryNumber is not { } from)
            return Fail(WriteResult.Invalid("You have no Twilio number to text from yet. An admin can add one in Settings."));

        if (c.RequestsConsent && c.Purpose != TextPurpose.Transactional)
            return Fail(WriteResult.Invalid("A consent request is a transactional text: it asks for marketing consent, it cannot need it."));
        var now = batch.Now;
        var contacts = await PlanContacts.LoadAsync(db, c.AgentId, audience.Ids(), now, ct);
        var plan = planner.Plan(new PlanRequest(agent.Name, c.Body, c.Purpose, c.StartAt), contacts, now);
        if (!plan.Ok) return Fail(WriteResult.Invalid(plan.Error!));

        var campaign = new Campaign
        {
            AgentId = c.AgentId, Name = name, Body = c.Body.TrimEnd(), TemplateId = c.TemplateId, Purpose = c.Purpose, SenderNumber = from,
            StartAt = c.StartAt, AudienceId = c.AudienceId, Total = plan.Rows.Count, CreatedAt = now, UpdatedAt = now,
        };
        db.Campaigns.Add(campaign);

        var threads = await ThreadsAsync(db, from, plan.Rows.Where(r => r.Verdict != PlanVerdicts.Skip).Select(r => r.ContactId).ToList(), ct);
        foreach (var (row, position) in plan.Rows.Select((r, i) => (r, i)))
        {
            var recipient = new CampaignRecipient { Position = position, ContactId = row.ContactId, Phone = row.Phone, Name = row.Name, PlanReason = row.Reason };
            campaign.Recipients.Add(recipient);
            if (row.Verdict == PlanVerdicts.Skip) continue;

            if (!threads.TryGetValue(row.ContactId, out var conversation))
            {
                conversation = new Conversation { AgentId = c.AgentId, AgentNumber = from, ContactId = row.ContactId, LastMessageAt = now };
                db.Conversations.Add(conversation);
                threads[row.ContactId] = conversation;
            }
            var dueAt = row.SendAt ?? now;
            var message = new Message
            {
                Conversation = conversation, AgentId = c.AgentId, ContactId = row.ContactId, Campaign = campaign, Direction = MessageDirection.Outbound, Body = row.Text!,
                Purpose = c.Purpose, Status = dueAt > now ? MessageStatus.Scheduled : MessageStatus.Queued, ScheduledFor = dueAt > now ? dueAt : null,
                CreatedAt = now, UpdatedAt = now,
            };
            db.Messages.Add(message);
            recipient.Message = message;
            db.Outbox.Add(new OutboxItem
            {
                Message = message, Campaign = campaign, SenderNumber = from, Priority = OutboxPriority.Bulk, DueAt = dueAt, CreatedAt = now,
            });
            // A campaign text is not an answer: a thread waiting for the agent's reply keeps waiting.
            var needsReply = conversation.NeedsReply;
            conversation.Touch(message);
            conversation.NeedsReply = needsReply;
        }

        if (c.RequestsConsent)
        {
            // Their YES within the window is what records marketing consent (ConsentReply).
            foreach (var chunk in plan.Rows.Where(r => r.Verdict != PlanVerdicts.Skip).Select(r => r.ContactId).Chunk(1000))
                await db.Contacts.Where(x => chunk.Contains(x.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.ConsentRequestedAt, now), ct);
        }

        return (events, _) =>
        {
            events.Add(new CampaignChanged(c.AgentId, campaign.Id, ThreadsChanged: true));
            return new WriteResult(WriteOutcome.Done, CampaignId: campaign.Id);
        };
    }

    private static async Task<Dictionary<long, Conversation>> ThreadsAsync(SmsDbContext db, string from, List<long> contactIds, CancellationToken ct)
    {
        var threads = new Dictionary<long, Conversation>(contactIds.Count);
        foreach (var chunk in contactIds.Chunk(1000))
            foreach (var t in await db.Conversations.Where(x => x.AgentNumber == from && chunk.Contains(x.ContactId)).ToListAsync(ct))
                threads[t.ContactId] = t;
        return threads;
    }
}
