namespace Winnerr.Sms.Core.History;

/// <summary>Writes <see cref="SearchText"/> as an SQLite FTS5 query. Every token goes inside double quotes, so no
/// user input is ever read as FTS5 syntax (AND, OR, NEAR, *, -, :, ^, parentheses).</summary>
public static class Fts5Query
{
    /// <summary>Prefixes up to this length have their own index (<see cref="MessageSearchSchema"/>); longer ones are worth expanding.</summary>
    public const int IndexedPrefix = 4;

    /// <summary>
    /// All terms, each in the text or the contact; of one agent's messages when <paramref name="agentId"/> is given.
    /// A term in <paramref name="completions"/> is written as its complete words instead of a prefix. Null when there is nothing to find.
    /// </summary>
    public static string? For(SearchText text, long? agentId, IReadOnlyDictionary<SearchTerm, IReadOnlyList<string>>? completions = null)
    {
        if (text.Terms.Count == 0) return null;
        var terms = text.Terms.Select(t => "{Body Contact} : " +
            (completions is not null && completions.TryGetValue(t, out var words) && words.Count > 0 ? Completed(t, words) : Quote(t)));
        var all = string.Join(" AND ", terms);
        return agentId is { } agent ? $"AgentId : \"{agent}\" AND " + all : all;
    }

    public static string Quote(SearchTerm term) => term.Digits is { } digits
        ? $"(\"{digits}\"* OR {Phrase(term.Tokens)})"
        : Phrase(term.Tokens) + (term.IsPrefix ? "*" : "");

    /// <summary>A long prefix as the words it completes to: FTS5 would otherwise merge their lists on every query.</summary>
    public static bool WorthCompleting(SearchTerm term) => term is { IsPrefix: true, Digits: null } && term.Tokens[^1].Length > IndexedPrefix;

    private static string Completed(SearchTerm term, IReadOnlyList<string> words) =>
        "(" + string.Join(" OR ", words.Select(w => Phrase([.. term.Tokens.SkipLast(1), w]))) + ")";

    private static string Phrase(IEnumerable<string> tokens) => "\"" + string.Join(' ', tokens.Select(t => t.Replace("\"", "\"\""))) + "\"";
}
