namespace Winnerr.Sms.Core.Dialer;

/// <summary>What the agent chose for an outcome: a template of theirs, the built-in default, or nothing.</summary>
public sealed record FollowUpChoice(string Outcome, long? TemplateId, bool UseDefault);

/// <summary>
/// The outcome → follow-up text mapping. Every outcome has a sensible default (tokens with fallbacks, so it renders
/// for any contact); the agent can map an outcome to one of their templates, or to no follow-up.
/// </summary>
public static class FollowUpTemplates
{
    public static readonly IReadOnlyDictionary<string, string?> Defaults = new Dictionary<string, string?>
    {
        [CallOutcomes.NoAnswer] = "Sorry I missed you, {{ first_name | default: \"there\" }}. When's a good time to talk about {{ property_address | default: \"your home search\" }}? – {{agent_name}}",
        [CallOutcomes.LeftVoicemail] = "Hi {{ first_name | default: \"there\" }}, I just left you a voicemail about {{ property_address | default: \"your home search\" }}. Text me back whenever suits you. – {{agent_name}}",
        [CallOutcomes.Busy] = "Hi {{ first_name | default: \"there\" }}, I tried calling about {{ property_address | default: \"your home search\" }}. When's a better time? – {{agent_name}}",
        [CallOutcomes.Connected] = "Great talking with you, {{ first_name | default: \"there\" }}! I'll follow up on {{ property_address | default: \"what we discussed\" }}. – {{agent_name}}",
        [CallOutcomes.AppointmentSet] = "Thanks {{ first_name | default: \"there\" }}! See you at {{ property_address | default: \"our appointment\" }}. Text me if anything changes. – {{agent_name}}",
        [CallOutcomes.NotInterested] = "Thanks for your time today, {{ first_name | default: \"there\" }}. If anything changes, I'm a text away. – {{agent_name}}",
        [CallOutcomes.BadNumber] = null,
        [CallOutcomes.DoNotCall] = null,
    };

    /// <summary>
    /// The template body to prefill for <paramref name="outcome"/>: the agent's mapped template when it still exists,
    /// the default when the outcome is unmapped (or its template was deleted), null when the agent chose no follow-up.
    /// </summary>
    public static string? BodyFor(string outcome, IEnumerable<DialerFollowUp> mapping, IReadOnlyDictionary<long, string> templates)
    {
        var choice = mapping.FirstOrDefault(m => m.Outcome == outcome);
        if (choice is null) return Defaults.GetValueOrDefault(outcome);
        if (choice.TemplateId is null) return null;
        return templates.TryGetValue(choice.TemplateId.Value, out var body) ? body : Defaults.GetValueOrDefault(outcome);
    }

    /// <summary>The mapping as the settings show it, one row per outcome.</summary>
    public static IReadOnlyList<FollowUpChoice> Choices(IEnumerable<DialerFollowUp> mapping)
    {
        var byOutcome = mapping.ToDictionary(m => m.Outcome);
        return CallOutcomes.All.Select(o => byOutcome.TryGetValue(o, out var m)
            ? new FollowUpChoice(o, m.TemplateId, false)
            : new FollowUpChoice(o, null, true)).ToList();
    }
}
