namespace Winnerr.Sms.Core.Campaigns;

/// <summary>The campaign tables and the campaign columns on messages and outbox rows.</summary>
internal static class CampaignModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<Campaign>(e =>
        {
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.Body).HasMaxLength(2000);
            e.Property(c => c.Purpose).HasConversion<string>().HasMaxLength(24);
            e.Property(c => c.SenderNumber).HasMaxLength(32);
            e.Property(c => c.State).HasMaxLength(16);
            e.Property(c => c.PauseReason).HasMaxLength(500);
            e.Property(c => c.AudienceId).HasMaxLength(64);
            e.HasOne<Agent>().WithMany().HasForeignKey(c => c.AgentId).OnDelete(DeleteBehavior.Cascade);
            // The composer's selection confirmed twice (two tabs, two nodes) is one campaign.
            e.HasIndex(c => new { c.AgentId, c.AudienceId }).IsUnique();
            e.HasIndex(c => new { c.AgentId, c.CreatedAt });
        });

        model.Entity<CampaignRecipient>(e =>
        {
            e.Property(r => r.Phone).HasMaxLength(32);
            e.Property(r => r.Name).HasMaxLength(220);
            e.Property(r => r.PlanReason).HasMaxLength(32);
            e.HasOne<Campaign>().WithMany(c => c.Recipients).HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(r => r.Message).WithMany().HasForeignKey(r => r.MessageId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(r => new { r.CampaignId, r.Position });
            e.HasIndex(r => r.ContactId);
            e.HasIndex(r => r.MessageId);
        });

        model.Entity<CampaignAudience>(e =>
        {
            e.Property(a => a.Id).HasMaxLength(64);
            e.HasIndex(a => new { a.AgentId, a.CreatedAt });
        });

        model.Entity<Message>(e =>
        {
            e.HasOne(m => m.Campaign).WithMany().HasForeignKey(m => m.CampaignId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(m => m.CampaignId);
        });

        model.Entity<OutboxItem>(e =>
        {
            e.HasOne(o => o.Campaign).WithMany().HasForeignKey(o => o.CampaignId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(o => new { o.CampaignId, o.State });
        });
    }
}
