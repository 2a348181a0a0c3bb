namespace Winnerr.Sms.Core.History;

/// <summary>Splits a text into the parts that match the search (shown in &lt;mark&gt;) and the rest, comparing words as the index does.</summary>
public static class Highlighter
{
    public readonly record struct Part(string Text, bool IsMatch);

    public static IReadOnlyList<Part> Split(string text, SearchText search)
    {
        if (search.Terms.Count == 0 || text.Length == 0) return [new Part(text, false)];
        var words = SearchText.Tokenize(text).Select(w => (Folded: SearchText.Fold(w.Text), w.Start, w.Length)).ToList();
        var marked = new bool[text.Length];
        foreach (var term in search.Terms)
        {
            var tokens = term.Tokens.Select(SearchText.Fold).ToList();
            for (var i = 0; i + tokens.Count <= words.Count; i++)
            {
                if (!Matches(words, i, tokens, term.IsPrefix && term.Digits is null)) continue;
                var last = words[i + tokens.Count - 1];
                Array.Fill(marked, true, words[i].Start, last.Start + last.Length - words[i].Start);
            }
            if (term.Digits is { } digits)
                foreach (var word in words.Where(w => w.Folded.StartsWith(digits, StringComparison.Ordinal)))
                    Array.Fill(marked, true, word.Start, word.Length);
        }
        var parts = new List<Part>();
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i < text.Length && marked[i] == marked[start]) continue;
            parts.Add(new Part(text[start..i], marked[start]));
            start = i;
        }
        return parts;
    }

    private static bool Matches(List<(string Folded, int Start, int Length)> words, int at, List<string> tokens, bool prefix)
    {
        for (var k = 0; k < tokens.Count; k++)
        {
            var word = words[at + k].Folded;
            var isLast = k == tokens.Count - 1;
            if (isLast && prefix ? !word.StartsWith(tokens[k], StringComparison.Ordinal) : word != tokens[k]) return false;
        }
        return true;
    }
}
