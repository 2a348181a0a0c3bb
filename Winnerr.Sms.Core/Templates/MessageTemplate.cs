namespace Winnerr.Sms.Core.Templates;

/// <summary>A canned text. An agent's own, or shared with the whole team when <see cref="AgentId"/> is null (admins manage those).</summary>
public class MessageTemplate
{
    public long Id { get; set; }
    public long? AgentId { get; set; }
    public required string Name { get; set; }
    public required string Body { get; set; }
    public string? Category { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsShared => AgentId is null;
}

public sealed record TemplateView(long Id, string Name, string Body, string? Category, bool IsShared);
