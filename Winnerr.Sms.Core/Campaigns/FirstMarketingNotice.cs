using System.Text.RegularExpressions;

namespace Winnerr.Sms.Core.Campaigns;

/// <summary>
/// The first marketing text to a contact must say who is texting and how to stop (CTIA; see COMPLIANCE.md).
/// What the body already has is not repeated.
/// </summary>
public static partial class FirstMarketingNotice
{
    public const string OptOutWords = "Reply STOP to opt out.";

    /// <summary>The body with what it lacks appended, and whether anything was.</summary>
    public static (string Text, bool Added) Apply(string body, string agentName)
    {
        var text = body.TrimEnd();
        var parts = new List<string>(2);
        if (!string.IsNullOrWhiteSpace(agentName) && !text.Contains(agentName.Trim(), StringComparison.OrdinalIgnoreCase))
            parts.Add($"- {agentName.Trim()}.");
        if (!StopWord().IsMatch(text)) parts.Add(OptOutWords);
        return parts.Count == 0 ? (text, false) : ($"{text} {string.Join(' ', parts)}", true);
    }

    [GeneratedRegex(@"\bSTOP\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StopWord();
}
