using System.Net;
using Microsoft.EntityFrameworkCore;
using Winnerr.Sms.Core.Data;
using Winnerr.Sms.Core.Messaging;
using Winnerr.Sms.Tests.TestSupport;

namespace Winnerr.Sms.Tests.Integration;

/// <summary>The History CSV through the real endpoint: the same filter as the page, this agent only, formulas defused.</summary>
public sealed class HistoryExportTests : IAsyncLifetime
{
    private readonly SmsAppFactory _app = new();
    private long _alex, _bea;
    private IDbContextFactory<SmsDbContext> Db => (IDbContextFactory<SmsDbContext>)_app.Services.GetService(typeof(IDbContextFactory<SmsDbContext>))!;

    public async Task InitializeAsync()
    {
        _alex = await _app.AgentIdAsync(SmsAppFactory.AgentEmail);
        _bea = await _app.CreateAgentAsync("bea@winnerr.test", "Bea Quinn", "+13125550100", "bea-password-2026");
        var maria = await HistorySeed.ThreadAsync(Db, _alex, "+12125550147", "Maria", "Lopez");
        var tom = await HistorySeed.ThreadAsync(Db, _alex, "+16175550162", "=Tom", "Nguyen");
        var hers = await HistorySeed.ThreadAsync(Db, _bea, "+12125550147", "Maria", "Lopez", "+13125550100");
        var day = new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);
        await HistorySeed.TextAtAsync(Db, maria, "The inspection is Tuesday", day);
        await HistorySeed.TextAtAsync(Db, maria, "Inspection report attached, see \"page 2\"", day.AddDays(1), MessageDirection.Outbound, MessageStatus.Delivered);
        await HistorySeed.TextAtAsync(Db, tom, "=HYPERLINK(\"http://evil\") inspection", day.AddDays(2));
        await HistorySeed.TextAtAsync(Db, maria, "Unrelated text", day.AddDays(3));
        await HistorySeed.TextAtAsync(Db, hers, "Bea's own inspection", day);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<List<string>> ExportAsync(string query)
    {
        using var client = await SignIn.SignedInClientAsync(_app);
        using var response = await client.GetAsync("/phone/sms/history/export.csv?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        return text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    [Fact]
    public async Task WhenExportingASearch_ThenTheFileHoldsExactlyTheAgentsMatchingTexts()
    {
        var lines = await ExportAsync("q=inspection&tz=America/New_York");

        Assert.Equal("Time,Direction,Contact,Phone,Status,Campaign,Text", lines[0]);
        Assert.Equal(4, lines.Count);
        Assert.StartsWith("2026-11-22 10:00:00 -05:00,received,'=Tom Nguyen,+16175550162,received,no,", lines[1]);
        Assert.EndsWith(",\"'=HYPERLINK(\"\"http://evil\"\") inspection\"", lines[1]);
        Assert.Equal("2026-11-21 10:00:00 -05:00,sent,Maria Lopez,+12125550147,delivered,no,\"Inspection report attached, see \"\"page 2\"\"\"", lines[2]);
        Assert.StartsWith("2026-11-20 10:00:00 -05:00,received,Maria Lopez,", lines[3]);
        Assert.DoesNotContain(lines, l => l.Contains("Bea's", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhenExportingFilters_ThenTheyMatchThePage()
    {
        Assert.Equal(2, (await ExportAsync("dir=out&tz=UTC")).Count);
        Assert.Equal(3, (await ExportAsync("from=2026-11-21&to=2026-11-22&tz=UTC")).Count);
        Assert.Single(await ExportAsync("status=failed"));
        Assert.Equal(5, (await ExportAsync("")).Count);
    }

    [Fact]
    public async Task WhenNotSignedIn_ThenNothingIsExported()
    {
        using var client = SignIn.Client(_app);
        using var response = await client.GetAsync("/phone/sms/history/export.csv");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
