using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Winnerr.Sms.Core.Data;

/// <summary>The app's one database: the inbox and the Identity stores, under one set of migrations.</summary>
public class SmsDbContext(DbContextOptions<SmsDbContext> options)
    : IdentityDbContext<AgentUser, IdentityRole<long>, long>(options)
{
    public DbSet<Agent> Agents => Set<Agent>();
    public DbSet<AgentNumber> AgentNumbers => Set<AgentNumber>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<ContactTag> ContactTags => Set<ContactTag>();
    public DbSet<ContactEvent> ContactEvents => Set<ContactEvent>();
    public DbSet<Templates.MessageTemplate> Templates => Set<Templates.MessageTemplate>();
    public DbSet<OutboxItem> Outbox => Set<OutboxItem>();
    public DbSet<AgentSession> AgentSessions => Set<AgentSession>();
    public DbSet<SimulatedProviderMessage> SimulatedProviderMessages => Set<SimulatedProviderMessage>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<CampaignRecipient> CampaignRecipients => Set<CampaignRecipient>();
    public DbSet<CampaignAudience> CampaignAudiences => Set<CampaignAudience>();
    public DbSet<Dialer.DialerSession> DialerSessions => Set<Dialer.DialerSession>();
    public DbSet<Dialer.DialerEntry> DialerEntries => Set<Dialer.DialerEntry>();
    public DbSet<Dialer.DialerCall> DialerCalls => Set<Dialer.DialerCall>();
    public DbSet<Dialer.DialerFollowUp> DialerFollowUps => Set<Dialer.DialerFollowUp>();
    public DbSet<Dialer.DialerSettings> DialerSettings => Set<Dialer.DialerSettings>();
    public DbSet<Suggestions.TextEmbedding> TextEmbeddings => Set<Suggestions.TextEmbedding>();
    public DbSet<Suggestions.SuggestionFeedback> SuggestionFeedback => Set<Suggestions.SuggestionFeedback>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // SQLite cannot compare or ORDER BY DateTimeOffset; UTC ticks sort and compare as integers.
        builder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        builder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);

        model.Entity<Agent>(e =>
        {
            e.Property(a => a.Name).HasMaxLength(200);
            e.Ignore(a => a.PrimaryNumber);
            e.HasMany(a => a.Numbers).WithOne().HasForeignKey(n => n.AgentId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<AgentNumber>(e =>
        {
            e.Property(n => n.PhoneNumber).HasMaxLength(32);
            e.Property(n => n.PauseReason).HasMaxLength(500);
            e.HasIndex(n => n.PhoneNumber).IsUnique();
        });

        model.Entity<AgentUser>(e =>
        {
            e.HasOne(u => u.Agent).WithOne().HasForeignKey<AgentUser>(u => u.AgentId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(u => u.AgentId).IsUnique();
        });

        model.Entity<Contact>(e =>
        {
            e.Property(c => c.Phone).HasMaxLength(32);
            e.Property(c => c.FirstName).HasMaxLength(100);
            e.Property(c => c.LastName).HasMaxLength(100);
            e.Property(c => c.OptOutKeyword).HasMaxLength(32);
            e.Property(c => c.Email).HasMaxLength(254);
            e.Property(c => c.PropertyAddress).HasMaxLength(300);
            e.Property(c => c.TimeZone).HasMaxLength(64);
            e.Property(c => c.Notes).HasMaxLength(4000);
            e.Property(c => c.Consent).HasConversion<string>().HasMaxLength(24);
            e.Property(c => c.ConsentSource).HasMaxLength(64);
            e.HasMany(c => c.Tags).WithOne().HasForeignKey(t => t.ContactId).OnDelete(DeleteBehavior.Cascade);
            // People: listed per agent, sorted by name, filtered by consent.
            e.HasIndex(c => new { c.AgentId, c.FirstName, c.LastName });
            e.HasIndex(c => new { c.AgentId, c.Consent });
            e.Ignore(c => c.DisplayName);
            e.Ignore(c => c.IsKeywordOptOut);
            e.Ignore(c => c.ConsentState);
            // The inbox's count of texts awaiting a revocation review.
            e.HasIndex(c => new { c.AgentId, c.RevocationFlaggedAt });
            e.HasOne<Agent>().WithMany().HasForeignKey(c => c.AgentId);
            e.HasIndex(c => new { c.AgentId, c.Phone }).IsUnique();
        });

        model.Entity<Templates.MessageTemplate>(e =>
        {
            e.Property(t => t.Name).HasMaxLength(100);
            e.Property(t => t.Body).HasMaxLength(QueueOutboundHandler.MaxBodyLength);
            e.Property(t => t.Category).HasMaxLength(50);
            e.Ignore(t => t.IsShared);
            e.HasOne<Agent>().WithMany().HasForeignKey(t => t.AgentId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(t => new { t.AgentId, t.Name });
        });

        model.Entity<ContactTag>(e =>
        {
            e.HasKey(t => new { t.ContactId, t.Tag });
            e.Property(t => t.Tag).HasMaxLength(40);
            e.HasIndex(t => t.Tag);
        });

        model.Entity<ContactEvent>(e =>
        {
            e.Property(x => x.Kind).HasMaxLength(16);
            e.Property(x => x.Text).HasMaxLength(500);
            e.HasOne(x => x.Contact).WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.ContactId, x.At });
        });

        model.Entity<Conversation>(e =>
        {
            e.Property(c => c.LastMessagePreview).HasMaxLength(Conversation.PreviewLength);
            e.Property(c => c.AgentNumber).HasMaxLength(32);
            e.HasOne<Agent>().WithMany().HasForeignKey(c => c.AgentId);
            e.HasOne(c => c.Contact).WithMany().HasForeignKey(c => c.ContactId);
            e.HasIndex(c => new { c.AgentNumber, c.ContactId }).IsUnique();
            // The inbox order: most recent first, id as tie-breaker for stable paging.
            e.HasIndex(c => new { c.AgentId, c.LastMessageAt, c.Id }).IsDescending(false, true, true);
            e.HasIndex(c => new { c.AgentId, c.UnreadCount });
            e.HasIndex(c => new { c.AgentId, c.NeedsReply });
            e.Property(c => c.LastMessageDirection).HasConversion<string>().HasMaxLength(8);
            e.Property(c => c.LastMessageStatus).HasMaxLength(16);
            e.Property(c => c.Draft).HasMaxLength(QueueOutboundHandler.MaxBodyLength);
        });

        model.Entity<Message>(e =>
        {
            e.Property(m => m.Status).HasMaxLength(16);
            e.Property(m => m.Sid).HasMaxLength(64);
            e.Property(m => m.Direction).HasConversion<string>().HasMaxLength(8);
            e.Property(m => m.Keyword).HasMaxLength(16);
            e.Property(m => m.Purpose).HasConversion<string>().HasMaxLength(24);
            e.HasOne(m => m.Conversation).WithMany().HasForeignKey(m => m.ConversationId);
            e.HasOne(m => m.Contact).WithMany().HasForeignKey(m => m.ContactId);
            // Twilio retries webhooks; the SID makes a second delivery a no-op.
            e.HasIndex(m => m.Sid).IsUnique().HasFilter("\"Sid\" IS NOT NULL");
            e.HasIndex(m => new { m.ConversationId, m.CreatedAt, m.Id });
            e.HasIndex(m => new { m.ContactId, m.CreatedAt });
            e.HasIndex(m => m.CreatedAt);
            // History: every text of one agent, newest first, keyset-paged by (time, id).
            e.HasIndex(m => new { m.AgentId, m.CreatedAt, m.Id }).IsDescending(false, true, true);
            e.ToTable(t => History.MessageSearchSchema.DeclareTriggers(t));
        });

        ConfigureOutbox(model);
        CampaignModel.Configure(model);
        Dialer.DialerModel.Configure(model);
        Suggestions.SuggestionFeedback.Configure(model);

        model.Entity<AgentSession>(e =>
        {
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.EndedReason).HasMaxLength(64);
            e.Property(x => x.UserAgent).HasMaxLength(300);
            e.HasOne<AgentUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.UserId, x.EndedAt });
        });
    }

    private static void ConfigureOutbox(ModelBuilder model)
    {
        model.Entity<OutboxItem>(e =>
        {
            e.ToTable("Outbox");
            e.Property(o => o.SenderNumber).HasMaxLength(32);
            e.Property(o => o.State).HasMaxLength(16);
            e.Property(o => o.ClaimToken).HasMaxLength(100);
            e.HasOne(o => o.Message).WithMany().HasForeignKey(o => o.MessageId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(o => o.MessageId).IsUnique();
            // Due work per sender in send order; the claim token finds a claim's rows.
            e.HasIndex(o => new { o.State, o.DueAt });
            e.HasIndex(o => new { o.SenderNumber, o.State, o.Priority, o.DueAt, o.Id });
            e.HasIndex(o => o.ClaimToken);
        });

        model.Entity<SimulatedProviderMessage>(e =>
        {
            e.HasKey(m => m.Sid);
            e.Property(m => m.Sid).HasMaxLength(64);
            e.Property(m => m.From).HasMaxLength(32);
            e.Property(m => m.To).HasMaxLength(32);
            e.Property(m => m.Status).HasMaxLength(16);
            e.HasIndex(m => new { m.From, m.To, m.CreatedAt });
        });
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
}
