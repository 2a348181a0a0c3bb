using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Winnerr.Sms.Core.History;

/// <summary>
/// The SQLite full-text index behind History: an FTS5 external-content table over each message's text, its
/// contact's name and number, and its agent, kept in step by triggers. Other providers bring their own
/// (PostgreSQL: a tsvector column with a GIN index) behind <see cref="IMessageSearch"/>.
/// </summary>
public static class MessageSearchSchema
{
    public const string Table = "MessagesFts";
    public const string Vocabulary = "MessagesFtsWords";
    public const string InsertTrigger = "Messages_fts_ai";
    public const string DeleteTrigger = "Messages_fts_ad";
    public const string UpdateTrigger = "Messages_fts_au";
    public const string AgentTrigger = "Messages_agent_ai";
    public const string ContactTrigger = "Contacts_fts_au";

    public static void DeclareTriggers(TableBuilder<Message> table)
    {
        table.HasTrigger(InsertTrigger);
        table.HasTrigger(DeleteTrigger);
        table.HasTrigger(UpdateTrigger);
        table.HasTrigger(AgentTrigger);
    }

    // What a contact is found by: the name, the number with and without country code, and its last 7 and 4
    // digits, so "555-0147" and "(212) 555-0147" find +12125550147 by token prefixes.
    private static string ContactText(string c) =>
        $"trim({c}.FirstName || ' ' || {c}.LastName) || ' ' || replace({c}.Phone, '+', '') || ' ' || substr(replace({c}.Phone, '+', ''), -10)"
        + $" || ' ' || substr(replace({c}.Phone, '+', ''), -7) || ' ' || substr(replace({c}.Phone, '+', ''), -4)";

    // Only messages with an agent are indexed: History is always one agent's.
    private static string Index(string m, string contact) =>
        $"INSERT INTO {Table}(rowid, Body, Contact, AgentId) SELECT {m}.Id, {m}.Body, {ContactText(contact)}, {m}.AgentId FROM Contacts {contact} WHERE {contact}.Id = {m}.ContactId AND {m}.AgentId IS NOT NULL;";

    // External content: a delete must name exactly the values that were indexed.
    private static string Unindex(string m, string contact) =>
        $"INSERT INTO {Table}({Table}, rowid, Body, Contact, AgentId) SELECT 'delete', {m}.Id, {m}.Body, {ContactText(contact)}, {m}.AgentId FROM Contacts {contact} WHERE {contact}.Id = {m}.ContactId AND {m}.AgentId IS NOT NULL;";

    /// <summary>Creates the index, its triggers and fills it from the messages already stored.</summary>
    public static IReadOnlyList<string> CreateSqlite() =>
    [
        // The content the index reads on 'rebuild': a view, because the contact's text lives in Contacts.
        $"""
        CREATE VIEW MessageSearchContent AS
        SELECT m.Id AS Id, m.Body AS Body, {ContactText("c")} AS Contact, m.AgentId AS AgentId
        FROM Messages m JOIN Contacts c ON c.Id = m.ContactId WHERE m.AgentId IS NOT NULL;
        """,
        $"""
        CREATE VIRTUAL TABLE {Table} USING fts5(Body, Contact, AgentId, content='MessageSearchContent', content_rowid='Id',
            tokenize='unicode61 remove_diacritics 2', prefix='2 3 4');
        """,
        // Its words, to complete a long prefix into the words it stands for.
        $"CREATE VIRTUAL TABLE {Vocabulary} USING fts5vocab('{Table}', 'row');",
        $"CREATE TRIGGER {InsertTrigger} AFTER INSERT ON Messages BEGIN {Index("new", "c")} END;",
        $"CREATE TRIGGER {DeleteTrigger} AFTER DELETE ON Messages BEGIN {Unindex("old", "c")} END;",
        // Status callbacks update a message many times; only a change of what is indexed touches the index.
        $"CREATE TRIGGER {UpdateTrigger} AFTER UPDATE OF Body, ContactId, AgentId ON Messages BEGIN {Unindex("old", "c")} {Index("new", "c")} END;",
        // Old contact text for the delete: the row's values before this update.
        $"""
        CREATE TRIGGER {ContactTrigger} AFTER UPDATE OF FirstName, LastName, Phone ON Contacts BEGIN
            INSERT INTO {Table}({Table}, rowid, Body, Contact, AgentId) SELECT 'delete', m.Id, m.Body, {ContactText("old")}, m.AgentId FROM Messages m WHERE m.ContactId = old.Id AND m.AgentId IS NOT NULL;
            INSERT INTO {Table}(rowid, Body, Contact, AgentId) SELECT m.Id, m.Body, {ContactText("new")}, m.AgentId FROM Messages m WHERE m.ContactId = new.Id AND m.AgentId IS NOT NULL;
        END;
        """,
        // A safety net for any write path that does not copy the agent onto a new message. Its UPDATE indexes the
        // message (through the update trigger) whichever of the insert triggers runs first.
        $"""
        CREATE TRIGGER {AgentTrigger} AFTER INSERT ON Messages
        WHEN new.AgentId IS NULL AND (SELECT AgentId FROM Conversations WHERE Id = new.ConversationId) IS NOT NULL BEGIN
            UPDATE Messages SET AgentId = (SELECT AgentId FROM Conversations WHERE Id = new.ConversationId) WHERE Id = new.Id;
        END;
        """,
        $"INSERT INTO {Table}({Table}) VALUES('rebuild');",
    ];

    public static IReadOnlyList<string> DropSqlite() =>
    [
        $"DROP TRIGGER IF EXISTS {AgentTrigger};",
        $"DROP TRIGGER IF EXISTS {ContactTrigger};",
        $"DROP TRIGGER IF EXISTS {UpdateTrigger};",
        $"DROP TRIGGER IF EXISTS {DeleteTrigger};",
        $"DROP TRIGGER IF EXISTS {InsertTrigger};",
        $"DROP TABLE IF EXISTS {Vocabulary};",
        $"DROP TABLE IF EXISTS {Table};",
        "DROP VIEW IF EXISTS MessageSearchContent;",
    ];
}
