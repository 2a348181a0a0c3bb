using System.Text.RegularExpressions;
using Winnerr.Sms.Core.Templates;

namespace Winnerr.Sms.Core.Suggestions;

/// <summary>
/// Fills a reply's tokens from the contact's record (and a time the agent proposed), and refuses a reply that
/// needs a fact the record does not hold or that would run past two segments. A reply is never sent with a raw token.
/// </summary>
public static partial class ReplyRenderer
{
    public const int MaxSegments = 2;

    public static string? Render(string template, ContactFacts contact, string agentName, string? proposedTime)
    {
        if (template.Contains(IntentLibrary.ProposedTimeToken, StringComparison.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(proposedTime)) return null;
            template = template.Replace(IntentLibrary.ProposedTimeToken, proposedTime.Replace("{", "").Replace("}", ""), StringComparison.Ordinal);
        }
        var (parsed, errors) = TemplateSyntax.Parse(template);
        if (parsed is null || errors.Count > 0) return null;
        var zone = contact.TimeZone is { } name && TimeZoneInfo.TryFindSystemTimeZoneById(name, out var tz) ? tz : null;
        var result = TemplateRenderer.Render(parsed, new TemplateValues(contact.FirstName, agentName, contact.PropertyAddress, contact.ShowingAt, zone));
        if (result.Text is not { } text) return null;
        text = Tidy(text);
        return Fits(text) ? text : null;
    }

    /// <summary>Short enough: at most <see cref="MaxSegments"/> segments (most replies are one GSM-7 segment).</summary>
    public static bool Fits(string text) => text.Length > 0 && SmsSegments.Measure(text).Segments <= MaxSegments;

    /// <summary>"Thanks, !" (an empty first name) reads "Thanks!".</summary>
    public static string Tidy(string text) => Spaces().Replace(EmptySlot().Replace(text, "$1"), " ").Trim();

    [GeneratedRegex(@"\s*,\s*([!.?])")]
    private static partial Regex EmptySlot();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex Spaces();
}
