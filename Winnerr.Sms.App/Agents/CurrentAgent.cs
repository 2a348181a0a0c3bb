using Winnerr.Sms.Core.Agents;

namespace Winnerr.Sms.App.Agents;

/// <summary>The agent this circuit works for: the one who owns Twilio:PhoneNumber until sign-in arrives.</summary>
public sealed class CurrentAgent(IDbContextFactory<SmsDbContext> dbFactory, IOptions<TwilioOptions> twilio)
{
    private Agent? _agent;

    public async Task<Agent> GetAsync(CancellationToken ct = default)
    {
        if (_agent is not null) return _agent;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        _agent = await db.Agents.AsNoTracking().FirstOrDefaultAsync(a => a.PhoneNumber == twilio.Value.PhoneNumber, ct)
            ?? await db.Agents.AsNoTracking().OrderBy(a => a.Id).FirstAsync(ct);
        return _agent;
    }
}
