using System.Globalization;

namespace Winnerr.Sms.Core.Compliance;

/// <summary>
/// The one place that decides whether a text may go, whatever screen or job it came from. Applied when
/// a text is queued and again when the dispatcher is about to send it, since consent can change between.
/// Rules and sources: ../shared/COMPLIANCE.md.
/// </summary>
public sealed class ComplianceGate(IOptions<ComplianceOptions> options, IMarketingWindow window)
{
    private ComplianceOptions Rules => options.Value;

    public GateDecision Decide(GateRequest r)
    {
        var c = r.Consent;
        var name = r.ContactName;

        if (r.Purpose == TextPurpose.OptOutConfirmation)
            return c is { IsOptedOut: true, OptOutKeyword: null, OptOutAt: { } at } && r.Now - at <= Rules.ConfirmationWindow
                ? GateDecision.Send
                : GateDecision.Refuse(GateCodes.ConfirmationWindow, $"An opt-out confirmation to {name} goes only once, within minutes of the opt-out.");

        // Twilio blocks every text from the number after a keyword opt-out (21610) until START: refuse
        // first, with the reason, instead of letting the provider fail.
        if (c is { IsOptedOut: true, OptOutKeyword: { } keyword })
            return GateDecision.Refuse(GateCodes.KeywordOptOut,
                $"{name} texted {keyword}{On(c.OptOutAt)}. Texts from your number are blocked until they text START.");

        if (r.Purpose == TextPurpose.Marketing)
        {
            if (c.IsOptedOut) return GateDecision.Refuse(GateCodes.OptedOut, $"{name} opted out{On(c.OptOutAt)}: no marketing texts.");
            // Until the agent decides on a flagged revocation, it is honoured for marketing.
            if (c.RevocationFlaggedAt is not null)
                return GateDecision.Refuse(GateCodes.RevocationPending, $"{name} may have asked to stop getting texts; review it before sending marketing.");
            if (c.Status != ConsentStatus.MarketingOptIn)
                return GateDecision.Refuse(GateCodes.NoConsent, $"{name} has not given consent to marketing texts.");
            if (r.MarketingSentLast24h >= Rules.MarketingPer24h)
                return GateDecision.Refuse(GateCodes.FrequencyCap,
                    $"{name} already got {Count(r.MarketingSentLast24h)} in the last 24 hours (the limit is {Count(Rules.MarketingPer24h)}).");
            var allowed = window.NextAllowed(r.Now, r.Phone, r.ContactTimeZone);
            if (allowed > r.Now) return GateDecision.Hold(allowed, GateCodes.QuietHours, $"Held for quiet hours in {name}'s local time.");
            return GateDecision.Send;
        }

        if (c.IsOptedOut)
        {
            // Not a keyword opt-out (a revocation in their own words, the agent, an import): one-to-one
            // replies stay possible while the contact is writing to the agent.
            if (RepliesUntil(c) is { } until && r.Now < until) return GateDecision.Send;
            return GateDecision.Refuse(GateCodes.ReplyWindow,
                $"{name} opted out{On(c.OptOutAt)}. You can only reply within {Hours} hours of a text from them.");
        }
        return GateDecision.Send;
    }

    /// <summary>After a non-keyword opt-out: until when a one-to-one reply may go (null when none may).</summary>
    public DateTimeOffset? RepliesUntil(ContactConsentState c) =>
        c is { IsOptedOut: true, OptOutKeyword: null, LastInboundAt: { } inbound } && (c.OptOutAt is not { } at || inbound > at)
            ? inbound + Rules.ReplyWindow
            : null;

    private static string Count(int n) => n == 1 ? "1 marketing text" : $"{n} marketing texts";

    private string Hours => Rules.ReplyWindowHours.ToString("0.#", CultureInfo.InvariantCulture);

    private static string On(DateTimeOffset? at) => at is { } t ? $" on {t.UtcDateTime.ToString("MMM d", CultureInfo.InvariantCulture)}" : "";
}
