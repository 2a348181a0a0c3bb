namespace Winnerr.Sms.App.Components.Inbox;

/// <summary>
/// A message's text cut into plain runs and web links. Only http and https become links; everything is
/// rendered as text by Razor (encoded), never as markup.
/// </summary>
public static partial class MessageText
{
    public sealed record Part(string Text, string? Href = null);

    public static IReadOnlyList<Part> Split(string body)
    {
        var parts = new List<Part>();
        var at = 0;
        foreach (System.Text.RegularExpressions.Match match in Candidate().Matches(body))
        {
            var text = TrimTrailing(match.Value);
            var href = text.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? "https://" + text : text;
            if (!Uri.TryCreate(href, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host)) continue;
            if (match.Index > at) parts.Add(new Part(body[at..match.Index]));
            parts.Add(new Part(text, uri.AbsoluteUri));
            at = match.Index + text.Length;
        }
        if (at < body.Length) parts.Add(new Part(body[at..]));
        return parts;
    }

    /// <summary>Sentence punctuation after a link is not part of it; a closing bracket is, when the link opened one.</summary>
    private static string TrimTrailing(string url)
    {
        while (url.Length > 0)
        {
            var last = url[^1];
            if (".,;:!?'\"".Contains(last)) url = url[..^1];
            else if (last == ')' && url.Count(c => c == ')') > url.Count(c => c == '(')) url = url[..^1];
            else if (last == ']' && url.Count(c => c == ']') > url.Count(c => c == '[')) url = url[..^1];
            else break;
        }
        return url;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:https?://|www\.)[^\s<>""]+", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Candidate();
}
