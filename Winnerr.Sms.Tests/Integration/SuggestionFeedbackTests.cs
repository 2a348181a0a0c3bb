using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Winnerr.Sms.Core.Suggestions;
using Winnerr.Sms.Tests.TestSupport;

namespace Winnerr.Sms.Tests.Integration;

/// <summary>Learning from use: clicks and what was sent after them are stored, and raise that reply's rank for that agent only.</summary>
public sealed class SuggestionFeedbackTests
{
    private static readonly Suggestion Showing = new("What day works for a showing?", "schedule_showing", "schedule_showing#0", 0.8, "library");

    [Fact]
    public async Task WhenAClickedSuggestionIsSentAsIsOrEdited_ThenBothAreRecorded_AndItsRankRisesForThatAgentOnly()
    {
        await using var app = new SmsAppFactory();
        var alex = await app.AgentIdAsync(SmsAppFactory.AgentEmail);
        var bo = await app.CreateAgentAsync("bo@winnerr.test", "Bo Chen", "+15005550009");
        var log = app.Services.GetRequiredService<SuggestionFeedbackLog>();

        await log.RecordClickAsync(alex, 1, Showing);
        await log.OnSentAsync(alex, 1, "What day works for a showing? ");
        await log.RecordClickAsync(alex, 2, Showing);
        await log.OnSentAsync(alex, 2, "What day works for a showing this week?");
        await log.OnSentAsync(alex, 3, "A text that followed no click");

        await using var db = await app.DbAsync();
        var outcomes = await db.SuggestionFeedback.Where(f => f.AgentId == alex).OrderBy(f => f.Id).Select(f => f.Outcome).ToListAsync();
        Assert.Equal([SuggestionFeedback.Clicked, SuggestionFeedback.SentAsIs, SuggestionFeedback.Clicked, SuggestionFeedback.Edited], outcomes);
        Assert.True((await log.BoostsAsync(alex))["schedule_showing#0"] > 0);
        Assert.False((await log.BoostsAsync(bo)).ContainsKey("schedule_showing#0"));

        // After a restart the boosts come back from the table.
        var fresh = ActivatorUtilities.CreateInstance<SuggestionFeedbackLog>(app.Services);
        Assert.Equal((await log.BoostsAsync(alex))["schedule_showing#0"], (await fresh.BoostsAsync(alex))["schedule_showing#0"], 6);
    }
}
