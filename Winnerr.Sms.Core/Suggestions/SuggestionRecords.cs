namespace Winnerr.Sms.Core.Suggestions;

/// <summary>A persisted sentence embedding, keyed by a hash of the model and the text: past texts are embedded once.</summary>
public class TextEmbedding
{
    public required string Hash { get; set; }
    public required byte[] Vector { get; set; }
}

/// <summary>What an agent did with a suggestion: clicked it, then sent it as it was or edited.</summary>
public class SuggestionFeedback
{
    public long Id { get; set; }
    public long AgentId { get; set; }
    public long ConversationId { get; set; }
    public required string ReplyKey { get; set; }
    public required string Intent { get; set; }
    /// <summary><see cref="Clicked"/>, <see cref="SentAsIs"/> or <see cref="Edited"/>.</summary>
    public required string Outcome { get; set; }
    public DateTimeOffset At { get; set; }

    public const string Clicked = "clicked";
    public const string SentAsIs = "sent";
    public const string Edited = "edited";

    internal static void Configure(ModelBuilder model)
    {
        model.Entity<TextEmbedding>(e =>
        {
            e.HasKey(x => x.Hash);
            e.Property(x => x.Hash).HasMaxLength(64);
        });
        model.Entity<SuggestionFeedback>(e =>
        {
            e.Property(x => x.ReplyKey).HasMaxLength(64);
            e.Property(x => x.Intent).HasMaxLength(64);
            e.Property(x => x.Outcome).HasMaxLength(16);
            e.HasOne<Agent>().WithMany().HasForeignKey(x => x.AgentId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.AgentId, x.ReplyKey });
        });
    }
}
