namespace Winnerr.Sms.Core.History;

/// <summary>Writes <see cref="SearchText"/> as an SQLite FTS5 query. Every token goes inside double quotes, so no
/// user input is ever read as FTS5 syntax (AND, OR, NEAR, *, -, :, ^, parentheses).</summary>
public static class Fts5Query
{
    /// <summary>All terms, each in the text or the contact, of one agent's messages; null when there is nothing to find.</summary>
    public static string? For(SearchText text, long agentId)
    {
        if (text.Terms.Count == 0) return null;
        var terms = text.Terms.Select(t => "{Body Contact} : " + Quote(t));
        return $"AgentId : \"{agentId}\" AND " + string.Join(" AND ", terms);
    }

    public static string Quote(SearchTerm term) => term.Digits is { } digits
        ? $"(\"{digits}\"* OR {Phrase(term.Tokens)})"
        : Phrase(term.Tokens) + (term.IsPrefix ? "*" : "");

    private static string Phrase(IEnumerable<string> tokens) => "\"" + string.Join(' ', tokens.Select(t => t.Replace("\"", "\"\""))) + "\"";
}
