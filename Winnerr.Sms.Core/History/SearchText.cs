using System.Globalization;
using System.Text;

namespace Winnerr.Sms.Core.History;

/// <summary>
/// What the agent typed, read as words to find: bare words match as word prefixes ("insp" finds "inspection"),
/// "quoted words" as an exact phrase. Everything else (operators, punctuation, emoji) separates words and is
/// never passed on as query syntax.
/// </summary>
public sealed class SearchText
{
    /// <summary>Longer input is cut: nobody searches a page of text, and the query stays cheap.</summary>
    public const int MaxLength = 500;
    public const int MaxTerms = 16;

    public static readonly SearchText None = new([], "");

    private SearchText(IReadOnlyList<SearchTerm> terms, string input) => (Terms, Input) = (terms, input);

    public IReadOnlyList<SearchTerm> Terms { get; }
    public string Input { get; }

    /// <summary>Something was typed (even if nothing in it can be found).</summary>
    public bool IsSearch => Input.Length > 0;

    public static SearchText Parse(string? input)
    {
        var text = (input ?? "").Trim();
        if (text.Length > MaxLength) text = text[..MaxLength];
        var terms = new List<SearchTerm>();
        // A number typed with spaces or punctuation ("(312) 555-0190", "+1 312 555 0190") is one number: its digits
        // are matched as a prefix of the contact's number forms, or the same digit groups in a text.
        if (text.All(ch => char.IsAsciiDigit(ch) || PhonePunctuation.Contains(ch)) && text.Count(char.IsAsciiDigit) >= 7)
        {
            var groups = Tokenize(text).Select(t => t.Text).ToList();
            return new SearchText([new SearchTerm(groups, IsPhrase: false, Digits: string.Concat(groups))], text);
        }
        var i = 0;
        while (i < text.Length && terms.Count < MaxTerms)
        {
            if (char.IsWhiteSpace(text[i])) { i++; continue; }
            bool phrase = text[i] == '"';
            int start = phrase ? i + 1 : i;
            int end = phrase ? text.IndexOf('"', start) : IndexOfSpaceOrQuote(text, start);
            if (end < 0) end = text.Length;
            var tokens = Tokenize(text[start..end]).Select(t => t.Text).ToList();
            if (tokens.Count > 0) terms.Add(new SearchTerm(tokens, phrase));
            i = phrase ? end + 1 : end;
        }
        return new SearchText(terms, text);
    }

    private const string PhonePunctuation = "+-(). ";

    private static int IndexOfSpaceOrQuote(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
            if (char.IsWhiteSpace(text[i]) || text[i] == '"') return i;
        return -1;
    }

    /// <summary>Word characters as SQLite's unicode61 tokenizer sees them: letters, digits, marks and private use.</summary>
    public static bool IsWordChar(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.PrivateUse => true,
        _ => false,
    };

    /// <summary>The words of <paramref name="text"/> with their place in it.</summary>
    public static IEnumerable<(string Text, int Start, int Length)> Tokenize(string text)
    {
        var start = -1;
        var i = 0;
        while (i < text.Length)
        {
            var ok = Rune.TryGetRuneAt(text, i, out var rune); // false on a lone surrogate: not a word character
            var word = ok && IsWordChar(rune);
            if (word && start < 0) start = i;
            if (!word && start >= 0)
            {
                yield return (text[start..i], start, i - start);
                start = -1;
            }
            i += ok ? rune.Utf16SequenceLength : 1;
        }
        if (start >= 0) yield return (text[start..], start, text.Length - start);
    }

    /// <summary>Case and accents removed, as the index compares words.</summary>
    public static string Fold(string word)
    {
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark) sb.Append(ch);
        return sb.ToString().Normalize(NormalizationForm.FormC).ToLowerInvariant();
    }
}

/// <summary>One thing to find: a word (its last token matched as a prefix) or a quoted phrase (exact).</summary>
/// <remarks>With <paramref name="Digits"/> the term is a phone number: those digits as a prefix, or its groups as a phrase.</remarks>
public sealed record SearchTerm(IReadOnlyList<string> Tokens, bool IsPhrase, string? Digits = null)
{
    /// <summary>One-letter prefixes are matched as whole words: "a*" would read most of the index.</summary>
    public bool IsPrefix => !IsPhrase && Tokens[^1].Length >= 2;
}
