using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Winnerr.Sms.Core.Contacts;
using Winnerr.Sms.Core.Contacts.Import;
using Winnerr.Sms.Tests.TestSupport;

namespace Winnerr.Sms.Tests.Integration;

public class PeopleTests : IAsyncLifetime
{
    private readonly SmsAppFactory _app = new();
    private long _alex, _bea;

    public async Task InitializeAsync()
    {
        _alex = await _app.AgentIdAsync(SmsAppFactory.AgentEmail);
        _bea = await _app.CreateAgentAsync("bea@winnerr.test", "Bea Quinn", "+13125550100", "bea-password-2026");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private ContactService Contacts => _app.Services.GetRequiredService<ContactService>();

    private static ContactInput Maria(string phone = "(212) 555-0147") =>
        new("Maria", "Lopez", phone, "maria@example.com", "418 Maple Ave", Tags: ["buyer", "Oak St open house"]);

    [Fact]
    public async Task WhenAContactIsCreated_ThenThePhoneIsStoredAsE164AndTheRecordSaysSo()
    {
        var saved = await Contacts.CreateAsync(_alex, Maria());

        var detail = await Contacts.GetAsync(_alex, saved.ContactId!.Value);
        Assert.Equal("+12125550147", detail!.Contact.Phone);
        Assert.Equal(["buyer", "Oak St open house"], detail.Tags);
        var (timeline, _) = await Contacts.TimelineAsync(_alex, saved.ContactId.Value, 0, 10);
        Assert.Equal("Contact created", Assert.Single(timeline).Text);
    }

    [Fact]
    public async Task WhenTheSameNumberIsAddedAgain_ThenItIsRefusedWithALinkToTheExistingContact()
    {
        var first = await Contacts.CreateAsync(_alex, Maria());

        var second = await Contacts.CreateAsync(_alex, Maria("+1 212 555 0147") with { FirstName = "M." });

        Assert.False(second.Saved);
        Assert.Equal(first.ContactId, second.ExistingContactId);
        Assert.Contains("already has +12125550147", second.Error);
    }

    [Fact]
    public async Task WhenTheSameNumberBelongsToAnotherAgentsContact_ThenItIsNotADuplicate()
    {
        await Contacts.CreateAsync(_bea, Maria());

        Assert.True((await Contacts.CreateAsync(_alex, Maria())).Saved);
    }

    [Fact]
    public async Task WhenInputIsBad_ThenTheReasonIsGivenAndNothingIsStored()
    {
        Assert.Contains("not a valid phone number", (await Contacts.CreateAsync(_alex, Maria("12345"))).Error);
        Assert.Equal("Enter a first or last name.", (await Contacts.CreateAsync(_alex, Maria() with { FirstName = " ", LastName = "" })).Error);
        Assert.Contains("not a valid email", (await Contacts.CreateAsync(_alex, Maria() with { Email = "maria@" })).Error);
        var (rows, total) = await Contacts.SearchAsync(_alex, new PeopleFilter(), 0, 10);
        Assert.Equal(0, total);
    }

    [Fact]
    public async Task WhenAContactTextsStop_ThenTheirConsentRecordSaysOptedOutViaStop()
    {
        var saved = await Contacts.CreateAsync(_alex, Maria() with { Consent = ConsentStatus.MarketingOptIn, ConsentSource = "web form" });
        var webhooks = _app.CreateClient();

        (await webhooks.SendAsync(_app.SignedPost("/webhooks/twilio/sms", SmsAppFactory.InboundForm("+12125550147", "STOP")))).EnsureSuccessStatusCode();

        var contact = (await Contacts.GetAsync(_alex, saved.ContactId!.Value))!.Contact;
        Assert.Equal((ConsentStatus.OptedOut, "keyword STOP"), (contact.Consent, contact.ConsentSource));
        Assert.StartsWith("Opted out via STOP on ", ConsentText.Badge(contact.Consent, contact.ConsentSource, contact.ConsentAt, d => d.ToString("MMM d")));
        var (timeline, _) = await Contacts.TimelineAsync(_alex, contact.Id, 0, 10);
        Assert.Contains(timeline, e => e.Text == "Opted out by texting STOP");
        Assert.Contains(timeline, e => e.Kind == TimelineKind.Inbound && e.Text == "STOP");

        // Only the contact can undo a keyword opt-out.
        var override_ = await Contacts.UpdateAsync(_alex, contact.Id, Maria() with { Consent = ConsentStatus.MarketingOptIn });
        Assert.Contains("Only they can opt back in", override_.Error);
    }

    [Fact]
    public async Task WhenSearchingFilteringAndSorting_ThenOnlyMatchingContactsComeBackInOrder()
    {
        await Contacts.CreateAsync(_alex, new ContactInput("Zed", "Adams", "+13125550101", Tags: ["seller"]));
        await Contacts.CreateAsync(_alex, new ContactInput("Amy", "Brown", "+13125550102", "amy@example.com", Tags: ["buyer"], Consent: ConsentStatus.MarketingOptIn));
        await Contacts.CreateAsync(_alex, new ContactInput("Bob", "Brown", "+13125550103", Tags: ["buyer"]));

        Assert.Equal(["Amy Brown", "Bob Brown"], (await Contacts.SearchAsync(_alex, new PeopleFilter("brown"), 0, 10)).Rows.Select(r => r.Name));
        Assert.Equal(["Amy Brown"], (await Contacts.SearchAsync(_alex, new PeopleFilter("amy@"), 0, 10)).Rows.Select(r => r.Name));
        Assert.Equal(["Bob Brown"], (await Contacts.SearchAsync(_alex, new PeopleFilter("555-0103"), 0, 10)).Rows.Select(r => r.Name));
        Assert.Equal(["Amy Brown"], (await Contacts.SearchAsync(_alex, new PeopleFilter(null, ConsentStatus.MarketingOptIn), 0, 10)).Rows.Select(r => r.Name));
        Assert.Equal(["Zed Adams"], (await Contacts.SearchAsync(_alex, new PeopleFilter(null, null, "seller"), 0, 10)).Rows.Select(r => r.Name));
        Assert.Equal(["Zed Adams", "Bob Brown", "Amy Brown"], (await Contacts.SearchAsync(_alex, new PeopleFilter(), 0, 10, PeopleSort.Name, true)).Rows.Select(r => r.Name));
        Assert.Equal(2, (await Contacts.MatchingIdsAsync(_alex, new PeopleFilter(null, null, "buyer"))).Count);
    }

    [Fact]
    public async Task WhenAContactIsDeleted_ThenTheyLeavePeopleButTheirTextsStay()
    {
        var webhooks = _app.CreateClient();
        (await webhooks.SendAsync(_app.SignedPost("/webhooks/twilio/sms", SmsAppFactory.InboundForm("+12125550147", "hello")))).EnsureSuccessStatusCode();
        var id = (await Contacts.SearchAsync(_alex, new PeopleFilter(), 0, 10)).Rows.Single().Id;

        Assert.True(await Contacts.DeleteAsync(_alex, id));

        Assert.Equal(0, (await Contacts.SearchAsync(_alex, new PeopleFilter(), 0, 10)).Total);
        Assert.Null(await Contacts.GetAsync(_alex, id));
        await using var db = await _app.DbAsync();
        Assert.Equal("hello", (await db.Messages.SingleAsync()).Body);
        Assert.Single(await db.Conversations.ToListAsync());
    }

    [Fact]
    public async Task WhenACsvIsImported_ThenTheReportCountsImportedMergedAndRefusedRows()
    {
        await Contacts.CreateAsync(_alex, new ContactInput("Maria", "", "+12125550147", Tags: ["buyer"]));
        var csv = """
            Name,Mobile,Email,Tags
            Maria Lopez,(212) 555-0147,maria@example.com,vip
            Tom Nguyen,617-555-0162,,seller
            ,3125550111,,
            Priya Shah,12345,,
            James Carter,310.555.0188,not-an-email,
            Tom N.,+1 617 555 0162,,investor
            Danielle Brooks,773 555 0119,,
            """;
        var parsed = ContactCsv.Parse(new MemoryStream(Encoding.UTF8.GetBytes(csv)),
            ContactCsv.Preview(new MemoryStream(Encoding.UTF8.GetBytes(csv))).SuggestedMapping, new PhoneNumberNormalizer());

        var report = await _app.Services.GetRequiredService<ContactImport>().ImportAsync(_alex, parsed);

        Assert.Equal((2, 2, 3), (report.Imported, report.Merged, report.Refused.Count)); // Tom, Danielle | Maria, Tom's 2nd row | 3 refused
        Assert.Equal([4, 5, 6], report.Refused.Select(r => r.Row));
        Assert.Contains("name", report.Refused[0].Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("not a valid phone number", report.Refused[1].Reason);
        Assert.Contains("not a valid email", report.Refused[2].Reason);
        Assert.Equal(7, report.Total);
        var maria = (await Contacts.SearchAsync(_alex, new PeopleFilter("+12125550147"), 0, 1)).Rows.Single();
        Assert.Equal(("Maria", "maria@example.com"), (maria.Name, maria.Email));
        Assert.Equal(["buyer", "vip"], maria.Tags);
        var tom = (await Contacts.SearchAsync(_alex, new PeopleFilter("Tom"), 0, 1)).Rows.Single();
        Assert.Equal(["investor", "seller"], tom.Tags);
    }

    [Fact]
    public async Task WhenACsvStatesConsent_ThenItIsRecordedWithSourceAndDateButNeverUndoesAnOptOut()
    {
        await Contacts.CreateAsync(_alex, new ContactInput("Maria", "Lopez", "+12125550147", Consent: ConsentStatus.OptedOut));
        var csv = """
            Name,Phone 1,consent,consent_source,consent_date
            Maria Lopez,(212) 555-0147,marketing,open house sign-in,2026-10-03
            Tom Nguyen,617-555-0162,marketing,web form,2026-11-02
            Priya Shah,415 555 0123,opted-out,,
            James Carter,310.555.0188,maybe,,
            """;
        var parsed = ContactCsv.Parse(new MemoryStream(Encoding.UTF8.GetBytes(csv)),
            ContactCsv.Preview(new MemoryStream(Encoding.UTF8.GetBytes(csv))).SuggestedMapping, new PhoneNumberNormalizer());

        var report = await _app.Services.GetRequiredService<ContactImport>().ImportAsync(_alex, parsed);

        Assert.Equal((2, 1), (report.Imported, report.Merged));
        Assert.Contains("\"maybe\" is not marketing, transactional or opted-out", Assert.Single(report.Refused).Reason);
        await using var db = await _app.DbAsync();
        var contacts = await db.Contacts.Where(c => c.AgentId == _alex).ToDictionaryAsync(c => c.Phone);
        Assert.Equal((ConsentStatus.OptedOut, true), (contacts["+12125550147"].Consent, contacts["+12125550147"].IsOptedOut));
        var tom = contacts["+16175550162"];
        Assert.Equal((ConsentStatus.MarketingOptIn, "import: web form", new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero)), (tom.Consent, tom.ConsentSource, tom.ConsentAt));
        Assert.True(contacts["+14155550123"].IsOptedOut);
    }

    [Fact]
    public async Task WhenAnAgentExports_ThenTheCsvHoldsTheirFilteredContactsOnly()
    {
        await Contacts.CreateAsync(_alex, new ContactInput("Amy", "Brown", "+13125550102", Tags: ["buyer"]));
        await Contacts.CreateAsync(_alex, new ContactInput("Zed", "Adams", "+13125550101", Tags: ["seller"]));
        await Contacts.CreateAsync(_bea, new ContactInput("Bea's", "Client", "+13125550109", Tags: ["buyer"]));
        var client = await SignIn.SignedInClientAsync(_app);

        var response = await client.GetAsync("/people/export.csv?tag=buyer");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var csv = await response.Content.ReadAsStringAsync();
        Assert.Contains("Amy,Brown,+13125550102", csv);
        Assert.DoesNotContain("Zed", csv);
        Assert.DoesNotContain("Client", csv);
    }

    [Fact]
    public async Task WhenAnotherAgentsContactIsAskedFor_ThenItIsNotListedOrReachable()
    {
        var beas = await Contacts.CreateAsync(_bea, new ContactInput("Private", "Client", "+13125550109"));

        Assert.Equal(0, (await Contacts.SearchAsync(_alex, new PeopleFilter("Private"), 0, 10)).Total);
        Assert.Null(await Contacts.GetAsync(_alex, beas.ContactId!.Value));
        Assert.Empty((await Contacts.TimelineAsync(_alex, beas.ContactId.Value, 0, 10)).Entries);
        Assert.False((await Contacts.UpdateAsync(_alex, beas.ContactId.Value, new ContactInput("Hijack", "", "+13125550109"))).Saved);
        Assert.False(await Contacts.DeleteAsync(_alex, beas.ContactId.Value));
        var alex = await SignIn.SignedInClientAsync(_app);
        Assert.DoesNotContain("Private Client", await (await alex.GetAsync($"/people/{beas.ContactId}")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.Client(_app).GetAsync("/people")).StatusCode);
    }
}
