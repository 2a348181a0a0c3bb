using Microsoft.EntityFrameworkCore;
using Winnerr.Sms.Core.Contacts;
using Winnerr.Sms.Core.Conversations;
using Winnerr.Sms.Core.Data;
using Winnerr.Sms.Core.Messaging;

namespace Winnerr.Sms.Tests.TestSupport;

/// <summary>Threads and texts at chosen times, written straight to the database (History reads, it does not write).</summary>
public static class HistorySeed
{
    public sealed record Thread(long AgentId, long ContactId, long ConversationId);

    public static async Task<Thread> ThreadAsync(IDbContextFactory<SmsDbContext> factory, long agentId, string phone, string first, string last,
        string agentNumber = TestInbox.AgentNumber)
    {
        await using var db = await factory.CreateDbContextAsync();
        var contact = new Contact { AgentId = agentId, Phone = phone, FirstName = first, LastName = last, CreatedAt = DateTimeOffset.UtcNow };
        var conversation = new Conversation { AgentId = agentId, AgentNumber = agentNumber, Contact = contact, LastMessageAt = DateTimeOffset.UtcNow };
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync();
        return new Thread(agentId, contact.Id, conversation.Id);
    }

    private static int _order;

    /// <summary>Inbound texts, each a second after the one before (in the order given).</summary>
    public static async Task TextsAsync(IDbContextFactory<SmsDbContext> factory, Thread thread, params string[] bodies)
    {
        var start = DateTimeOffset.UtcNow.AddHours(-1).AddSeconds(Interlocked.Add(ref _order, bodies.Length));
        for (var i = 0; i < bodies.Length; i++) await TextAtAsync(factory, thread, bodies[i], start.AddSeconds(i));
    }

    /// <summary>Many texts in one transaction, alternating inbound and delivered outbound; returns their ids in order.</summary>
    public static async Task<IReadOnlyList<long>> ManyAsync(IDbContextFactory<SmsDbContext> factory, Thread thread, IReadOnlyList<(string Body, DateTimeOffset At)> texts)
    {
        await using var db = await factory.CreateDbContextAsync();
        var messages = texts.Select((t, i) => new Message
        {
            ConversationId = thread.ConversationId, ContactId = thread.ContactId, AgentId = thread.AgentId, Body = t.Body,
            Direction = i % 2 == 0 ? MessageDirection.Inbound : MessageDirection.Outbound,
            Status = i % 2 == 0 ? MessageStatus.Received : MessageStatus.Delivered, CreatedAt = t.At, UpdatedAt = t.At,
        }).ToList();
        db.Messages.AddRange(messages);
        await db.SaveChangesAsync();
        return messages.Select(m => m.Id).ToList();
    }

    public static Task TextAtAsync(IDbContextFactory<SmsDbContext> factory, Thread thread, string body, DateTimeOffset at,
        MessageDirection direction = MessageDirection.Inbound, string? status = null, TextPurpose purpose = TextPurpose.Transactional) =>
        TextAtAsync(factory, thread, body, at, thread.AgentId, direction, status, purpose);

    public static async Task<long> TextAtAsync(IDbContextFactory<SmsDbContext> factory, Thread thread, string body, DateTimeOffset at, long? agentId,
        MessageDirection direction = MessageDirection.Inbound, string? status = null, TextPurpose purpose = TextPurpose.Transactional)
    {
        await using var db = await factory.CreateDbContextAsync();
        var message = new Message
        {
            ConversationId = thread.ConversationId, ContactId = thread.ContactId, AgentId = agentId, Direction = direction, Body = body,
            Status = status ?? (direction == MessageDirection.Inbound ? MessageStatus.Received : MessageStatus.Delivered),
            Purpose = purpose, CreatedAt = at, UpdatedAt = at,
        };
        db.Messages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }
}
