namespace Winnerr.Sms.Core.Data;

public static class DatabaseSetup
{
    /// <summary>Creates the database folder if needed and applies every migration.</summary>
    public static async Task MigrateAsync(IDbContextFactory<SmsDbContext> dbFactory, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dataSource = db.Database.GetDbConnection().DataSource;
        if (!string.IsNullOrEmpty(dataSource) && Path.GetDirectoryName(Path.GetFullPath(dataSource)) is { } folder)
            Directory.CreateDirectory(folder);
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>Seeds the demo week into a database that has no conversations yet; returns whether it did.</summary>
    public static async Task<bool> SeedDemoConversationsAsync(IDbContextFactory<SmsDbContext> dbFactory, long agentId, string agentNumber,
        DateTimeOffset now, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Conversations.AnyAsync(ct)) return false;
        DemoData.Seed(db, agentId, agentNumber, now);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
