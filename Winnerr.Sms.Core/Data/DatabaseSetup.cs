using Microsoft.Extensions.Logging;

namespace Winnerr.Sms.Core.Data;

public static class DatabaseSetup
{
    /// <summary>Applies migrations, makes sure the configured agent exists, and seeds demo data into an empty database.</summary>
    public static async Task InitializeAsync(IDbContextFactory<SmsDbContext> dbFactory, TwilioOptions twilio, SmsOptions sms,
        TimeProvider clock, ILogger logger, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dataSource = db.Database.GetDbConnection().DataSource;
        if (!string.IsNullOrEmpty(dataSource) && Path.GetDirectoryName(Path.GetFullPath(dataSource)) is { } folder)
            Directory.CreateDirectory(folder);

        await db.Database.MigrateAsync(ct);

        var agent = await db.Agents.FirstOrDefaultAsync(a => a.PhoneNumber == twilio.PhoneNumber, ct);
        if (agent is null)
        {
            agent = new Agent { Name = sms.AgentName, PhoneNumber = twilio.PhoneNumber };
            db.Agents.Add(agent);
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Created agent {Name} for {Number}", agent.Name, agent.PhoneNumber);
        }

        if (sms.SeedDemoData && !await db.Conversations.AnyAsync(ct))
        {
            DemoData.Seed(db, agent, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Seeded demo conversations for {Name}", agent.Name);
        }
    }
}
