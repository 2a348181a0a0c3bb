namespace Winnerr.Sms.Core.Compliance;

public sealed class ComplianceOptions
{
    public const string Section = "Compliance";

    /// <summary>After an opt-out that was not a Twilio keyword, one-to-one replies stay possible this long after the contact's latest text.</summary>
    public double ReplyWindowHours { get; set; } = 24;
    /// <summary>After a confirmed revocation, send one non-marketing confirmation (FCC allows one, within 5 minutes).</summary>
    public bool SendRevocationConfirmation { get; set; } = true;
    public string RevocationConfirmationText { get; set; } = "You're opted out and won't get more texts from {{agent_name}}. Reply to this number anytime if you need us.";
    /// <summary>Twilio answers keyword STOP itself; the FCC presumes a confirmation within 5 minutes is fine.</summary>
    public TimeSpan ConfirmationWindow { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>Revocations in the contact's own words must be honoured within 10 business days (47 CFR 64.1200(a)(10)).</summary>
    public int RevocationBusinessDays { get; set; } = 10;

    /// <summary>How long a YES still answers a consent request.</summary>
    public double ConsentRequestWindowDays { get; set; } = 30;

    /// <summary>The most marketing texts one contact gets in any 24 hours, across campaigns.</summary>
    public int MarketingPer24h { get; set; } = 1;

    public TimeSpan ReplyWindow => TimeSpan.FromHours(ReplyWindowHours);
    public TimeSpan ConsentRequestWindow => TimeSpan.FromDays(ConsentRequestWindowDays);
}
