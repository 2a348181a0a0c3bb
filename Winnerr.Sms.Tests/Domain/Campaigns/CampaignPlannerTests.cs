using Microsoft.Extensions.Options;
using Winnerr.Sms.Core.Campaigns;
using Winnerr.Sms.Core.Compliance;
using Winnerr.Sms.Core.Contacts;
using Winnerr.Sms.Core.Messaging;

namespace Winnerr.Sms.Tests.Domain.Campaigns;

/// <summary>The plan's verdict for every reason, with the real gate and the real quiet-hours table.</summary>
public class CampaignPlannerTests
{
    // A Wednesday, 15:00 in New York (EDT), 14:00 in Dallas.
    private static readonly DateTimeOffset Midday = new(2026, 6, 10, 19, 0, 0, TimeSpan.Zero);
    private const string NewYork = "+12125550147", Dallas = "+12145550123", Florida = "+13055550123";

    private static CampaignPlanner Planner(ComplianceOptions? compliance = null) =>
        new(new ComplianceGate(Options.Create(compliance ?? new ComplianceOptions()), new QuietHoursWindow(Options.Create(new QuietHoursOptions()))),
            new QuietHoursWindow(Options.Create(new QuietHoursOptions())), new PhoneNumberNormalizer(),
            Options.Create(new CampaignOptions { PricePerSegment = 0.01m }));

    private static readonly ContactConsentState Marketing = new(ConsentStatus.MarketingOptIn, false, null, null, null, null);

    private static PlanContact Person(long id, string phone = NewYork, ContactConsentState? consent = null, string first = "Maria",
        string? address = "418 Maple", string? zone = null, int recent = 0, bool hadMarketing = true) =>
        new(id, phone, first, "Lopez", address, null, zone, consent ?? Marketing, recent, hadMarketing);

    private static CampaignPlan Plan(string body, params PlanContact[] people) =>
        Planner().Plan(new PlanRequest("Alex Morgan", body, TextPurpose.Marketing, null), people, Midday);

    [Fact]
    public void WhenConsentedAndInsideTheWindow_ThenSendWithTheRenderedText()
    {
        var row = Plan("Hi {{first_name}}, open house at {{property_address}} Sunday. Reply STOP to opt out.", Person(1)).Rows.Single();

        Assert.Equal(PlanVerdicts.Send, row.Verdict);
        Assert.Null(row.Reason);
        Assert.Equal("Hi Maria, open house at 418 Maple Sunday. Reply STOP to opt out.", row.Text);
        Assert.Equal(1, row.Segments);
        Assert.Equal("GSM-7", row.Encoding);
        Assert.False(row.NoticeAdded);
    }

    public static TheoryData<string, PlanContact, string> Skips => new()
    {
        { "keyword STOP", Person(1, consent: new(ConsentStatus.OptedOut, true, "STOP", Midday.AddDays(-3), null, null)), PlanReasons.OptedOut },
        { "opted out in their own words", Person(1, consent: new(ConsentStatus.OptedOut, true, null, Midday.AddDays(-3), Midday.AddHours(-1), null)), PlanReasons.OptedOut },
        { "transactional consent only", Person(1, consent: ContactConsentState.Transactional), PlanReasons.NoConsent },
        { "revocation waiting for review", Person(1, consent: Marketing with { RevocationFlaggedAt = Midday.AddHours(-2) }), PlanReasons.RevocationPending },
        { "no property address for the token", Person(1, address: null), PlanReasons.MissingToken },
        { "a number that is not one", Person(1, phone: "+1555"), PlanReasons.InvalidNumber },
        { "a marketing text already today", Person(1, recent: 1), PlanReasons.FrequencyCap },
    };

    [Theory]
    [MemberData(nameof(Skips))]
    public void WhenARuleForbids_ThenSkipWithItsReason(string because, PlanContact person, string reason)
    {
        var row = Plan("Hi {{first_name}}, new price on {{property_address}}. Reply STOP to opt out.", person).Rows.Single();

        Assert.True(row.Verdict == PlanVerdicts.Skip, because);
        Assert.Equal(reason, row.Reason);
        Assert.Null(row.Text);
        Assert.False(string.IsNullOrWhiteSpace(row.Detail));
    }

    [Fact]
    public void WhenItIsNightForTheRecipient_ThenHoldUntilTheirWindowOpens()
    {
        // 22:30 in New York: held to 08:00 local the next morning, shown in their time.
        var late = new DateTimeOffset(2026, 6, 11, 2, 30, 0, TimeSpan.Zero);
        var row = Planner().Plan(new PlanRequest("Alex Morgan", "Open house Sunday. Reply STOP to opt out.", TextPurpose.Marketing, null), [Person(1)], late).Rows.Single();

        Assert.Equal(PlanVerdicts.Hold, row.Verdict);
        Assert.Equal(PlanReasons.QuietHours, row.Reason);
        Assert.Equal(new DateTimeOffset(2026, 6, 11, 8, 0, 0, TimeSpan.FromHours(-4)), row.SendAt);
        Assert.Equal("Thu 8:00 AM America/New_York", row.LocalSendTime);
        Assert.NotNull(row.Text);
    }

    [Theory]
    // Across DST: on 2026-11-01 New York goes from UTC-4 to UTC-5; 21:30 local on Oct 31 holds to 08:00 EST.
    [InlineData(NewYork, "2026-11-01T01:30Z", "2026-11-01T13:00Z")]
    // On 2026-03-08 clocks go forward: 21:30 EST on Mar 7 holds to 08:00 EDT.
    [InlineData(NewYork, "2026-03-08T02:30Z", "2026-03-08T12:00Z")]
    // Florida's state window closes at 20:00: 20:30 local is held, though federal hours would allow it.
    [InlineData(Florida, "2026-06-11T00:30Z", "2026-06-11T12:00Z")]
    // Texas opens at noon on Sundays.
    [InlineData(Dallas, "2026-06-14T15:00Z", "2026-06-14T17:00Z")]
    public void WhenHeld_ThenTheSendTimeIsTheRecipientsLocalWindowAcrossDstAndStateRules(string phone, string now, string expected)
    {
        var row = Planner().Plan(new PlanRequest("Alex Morgan", "Open house. Reply STOP to opt out.", TextPurpose.Marketing, null),
            [Person(1, phone: phone)], DateTimeOffset.Parse(now)).Rows.Single();

        Assert.Equal(PlanVerdicts.Hold, row.Verdict);
        Assert.Equal(DateTimeOffset.Parse(expected), row.SendAt);
    }

    [Fact]
    public void WhenAStartTimeIsSet_ThenQuietHoursAreJudgedAtThatTime()
    {
        var start = new DateTimeOffset(2026, 6, 11, 2, 0, 0, TimeSpan.Zero); // 22:00 in New York
        var row = Planner().Plan(new PlanRequest("Alex Morgan", "Open house. Reply STOP to opt out.", TextPurpose.Marketing, start), [Person(1)], Midday).Rows.Single();

        Assert.Equal(PlanVerdicts.Hold, row.Verdict);
    }

    [Fact]
    public void WhenTheCapIsRaised_ThenASecondTextTheSameDayGoes()
    {
        var planner = Planner(new ComplianceOptions { MarketingPer24h = 2 });
        var plan = planner.Plan(new PlanRequest("Alex Morgan", "Price drop. Reply STOP to opt out.", TextPurpose.Marketing, null),
            [Person(1, recent: 1), Person(2, phone: "+12125550148", recent: 2)], Midday);

        Assert.Equal(PlanVerdicts.Send, plan.Rows[0].Verdict);
        Assert.Equal(PlanReasons.FrequencyCap, plan.Rows[1].Reason);
    }

    [Fact]
    public void WhenTransactional_ThenConsentAndTheCapDoNotApplyButOptOutsDo()
    {
        var plan = Planner().Plan(new PlanRequest("Alex Morgan", "Your showing moved to 3pm.", TextPurpose.Transactional, null),
        [
            Person(1, consent: ContactConsentState.Transactional, recent: 5),
            Person(2, phone: "+12125550148", consent: new(ConsentStatus.OptedOut, true, "STOP", Midday.AddDays(-1), null, null)),
        ], Midday);

        Assert.Equal(PlanVerdicts.Send, plan.Rows[0].Verdict);
        Assert.Equal("Your showing moved to 3pm.", plan.Rows[0].Text);
        Assert.Equal(PlanReasons.OptedOut, plan.Rows[1].Reason);
    }

    [Fact]
    public void WhenItIsTheFirstMarketingText_ThenTheAgentAndOptOutWordsAreAppended()
    {
        var row = Plan("Open house Sunday 1-3 at {{property_address}}!", Person(1, hadMarketing: false)).Rows.Single();

        Assert.True(row.NoticeAdded);
        Assert.Equal("Open house Sunday 1-3 at 418 Maple! - Alex Morgan. Reply STOP to opt out.", row.Text);
    }

    [Fact]
    public void WhenNotTheFirstMarketingText_ThenNothingIsAppended()
    {
        var row = Plan("Open house Sunday!", Person(1, hadMarketing: true)).Rows.Single();

        Assert.False(row.NoticeAdded);
        Assert.Equal("Open house Sunday!", row.Text);
    }

    [Theory]
    [InlineData("Alex Morgan here: open house Sunday. Reply STOP to opt out.", "Alex Morgan here: open house Sunday. Reply STOP to opt out.", false)]
    [InlineData("Alex Morgan here: open house Sunday.", "Alex Morgan here: open house Sunday. Reply STOP to opt out.", true)]
    [InlineData("Open house Sunday. Text stop to end.", "Open house Sunday. Text stop to end. - Alex Morgan.", true)]
    [InlineData("Open house Sunday.   ", "Open house Sunday. - Alex Morgan. Reply STOP to opt out.", true)]
    public void FirstMarketingNoticeAddsOnlyWhatTheBodyLacks(string body, string expected, bool added)
    {
        Assert.Equal((expected, added), FirstMarketingNotice.Apply(body, "Alex Morgan"));
    }

    [Fact]
    public void TotalsCountVerdictsReasonsSegmentsAndCost()
    {
        var longText = new string('a', 200) + " {{first_name}}. Reply STOP to opt out."; // 2 segments
        var plan = Plan(longText,
            Person(1), Person(2, phone: "+12125550148"),
            Person(3, phone: "+12125550149", consent: ContactConsentState.Transactional),
            Person(4, phone: "+1555"));

        Assert.Equal(4, plan.Totals.Recipients);
        Assert.Equal(2, plan.Totals.ToSend);
        Assert.Equal(0, plan.Totals.Held);
        Assert.Equal(2, plan.Totals.Skipped);
        Assert.Equal(1, plan.Totals.SkippedByReason[PlanReasons.NoConsent]);
        Assert.Equal(1, plan.Totals.SkippedByReason[PlanReasons.InvalidNumber]);
        Assert.Equal(4, plan.Totals.Segments);
        Assert.Equal(0.04m, plan.Totals.EstimatedCost);
    }

    [Theory]
    [InlineData("", "Write the text")]
    [InlineData("Hi {{frist_name}}", "frist_name")]
    public void WhenTheTextCannotBeUsed_ThenThereIsNoPlanButAReason(string body, string says)
    {
        var plan = Plan(body, Person(1));

        Assert.False(plan.Ok);
        Assert.Contains(says, plan.Error);
        Assert.Empty(plan.Rows);
    }

    [Fact]
    public void EmojiTextsAreMeasuredAsUcs2()
    {
        var row = Plan("Open house Sunday 🏡 Reply STOP to opt out.", Person(1)).Rows.Single();

        Assert.Equal("UCS-2", row.Encoding);
    }
}
