using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Winnerr.Sms.Core.Data;

public class SmsDbContext(DbContextOptions<SmsDbContext> options) : DbContext(options)
{
    public DbSet<Agent> Agents => Set<Agent>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<Message> Messages => Set<Message>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // SQLite cannot compare or ORDER BY DateTimeOffset; UTC ticks sort and compare as integers.
        builder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        builder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Agent>(e =>
        {
            e.Property(a => a.Name).HasMaxLength(200);
            e.Property(a => a.PhoneNumber).HasMaxLength(32);
            e.HasIndex(a => a.PhoneNumber).IsUnique();
        });

        model.Entity<Contact>(e =>
        {
            e.Property(c => c.Phone).HasMaxLength(32);
            e.Property(c => c.FirstName).HasMaxLength(100);
            e.Property(c => c.LastName).HasMaxLength(100);
            e.Property(c => c.OptOutKeyword).HasMaxLength(32);
            e.Ignore(c => c.DisplayName);
            e.HasOne<Agent>().WithMany().HasForeignKey(c => c.AgentId);
            e.HasIndex(c => new { c.AgentId, c.Phone }).IsUnique();
        });

        model.Entity<Conversation>(e =>
        {
            e.Property(c => c.LastMessagePreview).HasMaxLength(Conversation.PreviewLength);
            e.HasOne<Agent>().WithMany().HasForeignKey(c => c.AgentId);
            e.HasOne(c => c.Contact).WithMany().HasForeignKey(c => c.ContactId);
            e.HasIndex(c => new { c.AgentId, c.ContactId }).IsUnique();
            // The inbox order: most recent first, id as tie-breaker for stable paging.
            e.HasIndex(c => new { c.AgentId, c.LastMessageAt, c.Id }).IsDescending(false, true, true);
            e.HasIndex(c => new { c.AgentId, c.UnreadCount });
        });

        model.Entity<Message>(e =>
        {
            e.Property(m => m.Status).HasMaxLength(16);
            e.Property(m => m.Sid).HasMaxLength(64);
            e.Property(m => m.Direction).HasConversion<string>().HasMaxLength(8);
            e.Property(m => m.Keyword).HasMaxLength(16);
            e.HasOne(m => m.Conversation).WithMany().HasForeignKey(m => m.ConversationId);
            e.HasOne(m => m.Contact).WithMany().HasForeignKey(m => m.ContactId);
            // Twilio retries webhooks; the SID makes a second delivery a no-op.
            e.HasIndex(m => m.Sid).IsUnique().HasFilter("\"Sid\" IS NOT NULL");
            e.HasIndex(m => new { m.ConversationId, m.CreatedAt, m.Id });
            e.HasIndex(m => new { m.ContactId, m.CreatedAt });
            e.HasIndex(m => m.CreatedAt);
        });
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
}
