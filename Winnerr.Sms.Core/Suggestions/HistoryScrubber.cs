using System.Text.RegularExpressions;

namespace Winnerr.Sms.Core.Suggestions;

/// <summary>
/// Makes one of the agent's past replies reusable for another contact: that contact's first name becomes
/// {{first_name}}, and a reply stating specifics of its own (numbers, prices, times, addresses, links) is not reused:
/// those facts belonged to another conversation.
/// </summary>
public static partial class HistoryScrubber
{
    public static string? Reusable(string reply, string? theirFirstName)
    {
        var text = reply.Trim();
        if (text.Length is < 2 or > 300) return null;
        if (Specifics().IsMatch(text) || text.Contains("{{", StringComparison.Ordinal)) return null;
        if (!string.IsNullOrWhiteSpace(theirFirstName) && theirFirstName.Trim().Length >= 2)
            text = Regex.Replace(text, $@"\b{Regex.Escape(theirFirstName.Trim())}\b", "{{ first_name | default: \"\" }}", RegexOptions.IgnoreCase);
        return text;
    }

    [GeneratedRegex(@"\d|\$|https?://|www\.|@|\b(street|st\.|ave|avenue|road|rd\.|blvd|lane|drive|court)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Specifics();
}
