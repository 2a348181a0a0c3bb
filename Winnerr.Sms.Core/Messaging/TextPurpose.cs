namespace Winnerr.Sms.Core.Messaging;

/// <summary>Why a text is sent; the compliance gate's rules depend on it.</summary>
public enum TextPurpose
{
    /// <summary>A one-to-one conversation, a reply, a follow-up.</summary>
    Transactional,
    /// <summary>Campaigns: needs marketing consent and respects quiet hours in the recipient's time.</summary>
    Marketing,
    /// <summary>The one confirmation allowed after a revocation (FCC: non-marketing, within 5 minutes).</summary>
    OptOutConfirmation,
}
