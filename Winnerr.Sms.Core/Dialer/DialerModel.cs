namespace Winnerr.Sms.Core.Dialer;

/// <summary>The dialer's tables, configured from SmsDbContext.OnModelCreating.</summary>
internal static class DialerModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<DialerSession>(e =>
        {
            e.Property(s => s.Source).HasMaxLength(100);
            e.HasOne<Agent>().WithMany().HasForeignKey(s => s.AgentId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(s => s.Entries).WithOne().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
            // One active session per agent.
            e.HasIndex(s => s.AgentId).IsUnique().HasFilter("\"EndedAt\" IS NULL").HasDatabaseName("IX_DialerSessions_AgentId_Active");
            e.HasIndex(s => new { s.AgentId, s.StartedAt });
        });

        model.Entity<DialerEntry>(e =>
        {
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.SkipReason).HasMaxLength(64);
            e.HasOne(x => x.Contact).WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.SessionId, x.Position });
        });

        model.Entity<DialerCall>(e =>
        {
            e.Property(x => x.From).HasMaxLength(32);
            e.Property(x => x.To).HasMaxLength(32);
            e.Property(x => x.AgentCallSid).HasMaxLength(64);
            e.Property(x => x.ContactCallSid).HasMaxLength(64);
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.AnsweredBy).HasMaxLength(32);
            e.Property(x => x.SuggestedOutcome).HasMaxLength(24);
            e.Property(x => x.Outcome).HasMaxLength(24);
            e.Property(x => x.Notes).HasMaxLength(2000);
            e.Property(x => x.FollowUpBody).HasMaxLength(1600);
            e.Property(x => x.Error).HasMaxLength(500);
            e.HasOne<Agent>().WithMany().HasForeignKey(x => x.AgentId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Contact).WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.ContactEvent).WithMany().HasForeignKey(x => x.ContactEventId).OnDelete(DeleteBehavior.SetNull);
            // Status callbacks find their call by SID; both are unique when known.
            e.HasIndex(x => x.AgentCallSid).IsUnique().HasFilter("\"AgentCallSid\" IS NOT NULL");
            e.HasIndex(x => x.ContactCallSid).IsUnique().HasFilter("\"ContactCallSid\" IS NOT NULL");
            e.HasIndex(x => new { x.ContactId, x.CreatedAt });
            e.HasIndex(x => new { x.AgentId, x.Status });
            e.HasIndex(x => new { x.SessionId, x.EntryId });
        });

        model.Entity<DialerFollowUp>(e =>
        {
            e.HasKey(x => new { x.AgentId, x.Outcome });
            e.Property(x => x.Outcome).HasMaxLength(24);
            e.HasOne<Agent>().WithMany().HasForeignKey(x => x.AgentId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Templates.MessageTemplate>().WithMany().HasForeignKey(x => x.TemplateId).OnDelete(DeleteBehavior.SetNull);
        });

        model.Entity<DialerSettings>(e =>
        {
            e.HasKey(x => x.AgentId);
            e.Property(x => x.AgentPhone).HasMaxLength(32);
            e.HasOne<Agent>().WithMany().HasForeignKey(x => x.AgentId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
