using Microsoft.Extensions.DependencyInjection;
using Winnerr.Sms.Core.Contacts;
using Winnerr.Sms.Core.Templates;
using Winnerr.Sms.Tests.TestSupport;

namespace Winnerr.Sms.Tests.Domain.Templates;

public class PastShowingWarningTests : IAsyncLifetime
{
    private TestInbox _inbox = null!;

    public async Task InitializeAsync() => _inbox = await TestInbox.CreateAsync();
    public async Task DisposeAsync() => await _inbox.DisposeAsync();

    private async Task<long> ContactWithShowingAsync(DateTimeOffset showing)
    {
        await using var db = await _inbox.Db.CreateDbContextAsync();
        var contact = new Contact { AgentId = _inbox.Agent.Id, FirstName = "Maria", Phone = "+12125550147", ShowingAt = showing, TimeZone = "America/New_York" };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        return contact.Id;
    }

    [Fact]
    public async Task WhenTheShowingHasPassed_ThenATemplateUsingItRendersWithAWarning()
    {
        var id = await ContactWithShowingAsync(DateTimeOffset.UtcNow.AddDays(-2));
        var templates = _inbox.Services.GetRequiredService<TemplateService>();

        var (text, error, warning) = await templates.RenderCheckedAsync(_inbox.Agent.Id, "Alex", "See you {{showing_time}}", id, null);
        var (_, _, none) = await templates.RenderCheckedAsync(_inbox.Agent.Id, "Alex", "Hi {{first_name}}", id, null);

        Assert.NotNull(text);
        Assert.Null(error);
        Assert.Contains("has passed", warning);
        Assert.Null(none);
    }

    [Fact]
    public async Task WhenTheShowingIsAhead_ThenThereIsNoWarning()
    {
        var id = await ContactWithShowingAsync(DateTimeOffset.UtcNow.AddDays(2));
        var (_, _, warning) = await _inbox.Services.GetRequiredService<TemplateService>()
            .RenderCheckedAsync(_inbox.Agent.Id, "Alex", "See you {{showing_time}}", id, null);
        Assert.Null(warning);
    }
}
