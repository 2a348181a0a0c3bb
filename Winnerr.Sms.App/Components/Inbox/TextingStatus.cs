using Winnerr.Sms.Core.Compliance;

namespace Winnerr.Sms.App.Components.Inbox;

/// <summary>
/// What the screens say about texting a contact, from the same gate the server enforces: whether a
/// reply may go now, and which opt-out case applies. A disabled box is a courtesy; the gate decides.
/// </summary>
public sealed class TextingStatus(ComplianceGate gate, TimeProvider clock)
{
    /// <summary>Why a one-to-one text cannot go now, or null when it can.</summary>
    public string? BlockReason(string name, string phone, ContactConsentState? consent) =>
        consent is not null && gate.Decide(new GateRequest(TextPurpose.Transactional, name, phone, null, consent, clock.GetUtcNow()))
            is { Verdict: GateVerdict.Refuse } refused ? refused.Reason : null;

    /// <summary>The case that applies, for the conversation's header ("blocked until START", "replies possible until ...").</summary>
    public string? Summary(ContactConsentState? consent, ClientTime time)
    {
        if (consent is null) return null;
        if (consent is { IsOptedOut: true, OptOutKeyword: { } keyword }) return $"Texted {keyword}: blocked until they text START";
        if (consent.IsOptedOut)
            return gate.RepliesUntil(consent) is { } until && until > clock.GetUtcNow()
                ? $"Opted out: no marketing; replies possible until {time.ToLocal(until):ddd h:mm tt}"
                : "Opted out: no texts until they write to you";
        if (consent.RevocationFlaggedAt is not null) return "May have asked to stop texting: no marketing until you review it";
        return null;
    }
}
