namespace Winnerr.Sms.Core.Contacts;

/// <summary>Create (<paramref name="ContactId"/> null) or edit a contact, through the single writer so open pages update.</summary>
public sealed record SaveContact(long AgentId, long? ContactId, ContactInput Input) : InboxCommand;

/// <summary>Soft-delete: the contact leaves People, their texts stay.</summary>
public sealed record DeleteContact(long AgentId, long ContactId) : InboxCommand;
