using Microsoft.Extensions.Options;
using Winnerr.Sms.Core.Compliance;
using Winnerr.Sms.Core.Contacts;
using Winnerr.Sms.Core.Messaging;

namespace Winnerr.Sms.Tests.Domain.Compliance;

/// <summary>
/// The gate as a decision table: purpose × consent × kind of opt-out × reply window × local time
/// (quiet hours come from the window, faked here; the window itself has its own table).
/// </summary>
public class ComplianceGateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 20, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset OptedOutAt = Now.AddDays(-2);

    /// <summary>Quiet hours stand-in: a recipient whose window opens at <see cref="OpensAt"/>.</summary>
    private sealed class FixedWindow(DateTimeOffset? opensAt) : IMarketingWindow
    {
        public DateTimeOffset NextAllowed(DateTimeOffset now, string phone, string? contactTimeZone) =>
            opensAt is { } at && at > now ? at : now;
    }

    private static GateDecision Decide(TextPurpose purpose, ContactConsentState consent, DateTimeOffset? windowOpensAt = null, DateTimeOffset? now = null) =>
        new ComplianceGate(Options.Create(new ComplianceOptions()), new FixedWindow(windowOpensAt))
            .Decide(new GateRequest(purpose, "Maria Lopez", "+12125550147", null, consent, now ?? Now));

    private static ContactConsentState Consent(ConsentStatus status = ConsentStatus.TransactionalOnly, bool optedOut = false, string? keyword = null,
        DateTimeOffset? optOutAt = null, DateTimeOffset? lastInbound = null, DateTimeOffset? revocationFlagged = null) =>
        new(status, optedOut, keyword, optOutAt, lastInbound, revocationFlagged);

    private static readonly ContactConsentState Marketing = Consent(ConsentStatus.MarketingOptIn);
    private static readonly ContactConsentState KeywordStop = Consent(ConsentStatus.OptedOut, true, "STOP", OptedOutAt, Now.AddHours(-1));
    private static readonly ContactConsentState OtherOptOutWritingNow = Consent(ConsentStatus.OptedOut, true, null, OptedOutAt, Now.AddHours(-3));
    private static readonly ContactConsentState OtherOptOutSilent = Consent(ConsentStatus.OptedOut, true, null, OptedOutAt, OptedOutAt.AddHours(-1));
    private static readonly ContactConsentState OtherOptOutWindowOver = Consent(ConsentStatus.OptedOut, true, null, OptedOutAt, Now.AddHours(-25));

    public static TheoryData<string, TextPurpose, ContactConsentState, GateVerdict, string?> Table => new()
    {
        // purpose: transactional
        { "transactional, no opt-out", TextPurpose.Transactional, Consent(), GateVerdict.Send, null },
        { "transactional, marketing consent", TextPurpose.Transactional, Marketing, GateVerdict.Send, null },
        { "transactional after keyword STOP", TextPurpose.Transactional, KeywordStop, GateVerdict.Refuse, GateCodes.KeywordOptOut },
        { "transactional after other opt-out, they wrote 3 h ago", TextPurpose.Transactional, OtherOptOutWritingNow, GateVerdict.Send, null },
        { "transactional after other opt-out, no text since", TextPurpose.Transactional, OtherOptOutSilent, GateVerdict.Refuse, GateCodes.ReplyWindow },
        { "transactional after other opt-out, last text 25 h ago", TextPurpose.Transactional, OtherOptOutWindowOver, GateVerdict.Refuse, GateCodes.ReplyWindow },
        { "transactional while a revocation is pending", TextPurpose.Transactional, Consent(revocationFlagged: Now.AddHours(-1)), GateVerdict.Send, null },
        // purpose: marketing
        { "marketing with consent, inside the window", TextPurpose.Marketing, Marketing, GateVerdict.Send, null },
        { "marketing without marketing consent", TextPurpose.Marketing, Consent(), GateVerdict.Refuse, GateCodes.NoConsent },
        { "marketing after keyword STOP", TextPurpose.Marketing, KeywordStop, GateVerdict.Refuse, GateCodes.KeywordOptOut },
        { "marketing after other opt-out, even while they write", TextPurpose.Marketing, OtherOptOutWritingNow, GateVerdict.Refuse, GateCodes.OptedOut },
        { "marketing while a revocation is pending", TextPurpose.Marketing, Consent(ConsentStatus.MarketingOptIn, revocationFlagged: Now.AddHours(-1)), GateVerdict.Refuse, GateCodes.RevocationPending },
        // purpose: the one confirmation after a revocation
        { "confirmation 1 min after a confirmed revocation", TextPurpose.OptOutConfirmation, Consent(ConsentStatus.OptedOut, true, null, Now.AddMinutes(-1)), GateVerdict.Send, null },
        { "confirmation 6 min after", TextPurpose.OptOutConfirmation, Consent(ConsentStatus.OptedOut, true, null, Now.AddMinutes(-6)), GateVerdict.Refuse, GateCodes.ConfirmationWindow },
        { "confirmation after keyword STOP (Twilio answers itself)", TextPurpose.OptOutConfirmation, Consent(ConsentStatus.OptedOut, true, "STOP", Now.AddMinutes(-1)), GateVerdict.Refuse, GateCodes.ConfirmationWindow },
        { "confirmation to someone not opted out", TextPurpose.OptOutConfirmation, Consent(), GateVerdict.Refuse, GateCodes.ConfirmationWindow },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void TheGateDecides(string _, TextPurpose purpose, ContactConsentState consent, GateVerdict verdict, string? code)
    {
        var decision = Decide(purpose, consent);

        Assert.Equal((verdict, code), (decision.Verdict, decision.Code));
        if (verdict == GateVerdict.Refuse) Assert.Contains("Maria Lopez", decision.Reason);
    }

    [Fact]
    public void WhenMarketingFallsInQuietHours_ThenItIsHeldUntilTheRecipientsWindowOpens()
    {
        var opens = Now.AddHours(11);

        var decision = Decide(TextPurpose.Marketing, Marketing, windowOpensAt: opens);

        Assert.Equal((GateVerdict.Hold, GateCodes.QuietHours, opens), (decision.Verdict, decision.Code, decision.HoldUntil));
    }

    [Fact]
    public void WhenTransactionalFallsInQuietHours_ThenItGoesNow()
    {
        Assert.Equal(GateVerdict.Send, Decide(TextPurpose.Transactional, Consent(), windowOpensAt: Now.AddHours(11)).Verdict);
    }

    [Fact]
    public void WhenQuietHoursAndNoConsent_ThenTheRefusalWinsOverTheHold()
    {
        Assert.Equal(GateVerdict.Refuse, Decide(TextPurpose.Marketing, Consent(), windowOpensAt: Now.AddHours(11)).Verdict);
    }

    [Fact]
    public void WhenTheContactTextedStop_ThenTheReasonNamesTheKeywordTheDayAndStart()
    {
        var decision = Decide(TextPurpose.Transactional, KeywordStop);

        Assert.Equal("Maria Lopez texted STOP on Nov 24. Texts from your number are blocked until they text START.", decision.Reason);
    }

    [Fact]
    public void WhenTheReplyWindowCloses_ThenARepliesUntilIs24HoursAfterTheirLatestText()
    {
        var gate = new ComplianceGate(Options.Create(new ComplianceOptions()), new FixedWindow(null));

        Assert.Equal(Now.AddHours(21), gate.RepliesUntil(OtherOptOutWritingNow));
        Assert.Null(gate.RepliesUntil(OtherOptOutSilent));
        Assert.Null(gate.RepliesUntil(KeywordStop));
        Assert.Equal(GateVerdict.Send, Decide(TextPurpose.Transactional, OtherOptOutWritingNow, now: Now.AddHours(20.9)).Verdict);
        Assert.Equal(GateVerdict.Refuse, Decide(TextPurpose.Transactional, OtherOptOutWritingNow, now: Now.AddHours(21)).Verdict);
    }

    [Fact]
    public void WhenTheReplyWindowIsConfigured_ThenItIsUsed()
    {
        var gate = new ComplianceGate(Options.Create(new ComplianceOptions { ReplyWindowHours = 2 }), new FixedWindow(null));

        var decision = gate.Decide(new GateRequest(TextPurpose.Transactional, "Maria Lopez", "+12125550147", null, OtherOptOutWritingNow, Now));

        Assert.Equal(GateCodes.ReplyWindow, decision.Code);
        Assert.Contains("within 2 hours", decision.Reason);
    }

    [Theory]
    [InlineData("2026-11-26T15:00:00Z", 10, "2026-12-10T15:00:00Z")] // Thursday + 10 business days
    [InlineData("2026-11-28T15:00:00Z", 1, "2026-11-30T15:00:00Z")]  // Saturday + 1 → Monday
    public void RevocationDeadlineSkipsWeekends(string received, int days, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected), RevocationDeadline.From(DateTimeOffset.Parse(received), days));
    }
}
