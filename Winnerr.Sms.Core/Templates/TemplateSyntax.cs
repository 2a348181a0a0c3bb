using System.Text;

namespace Winnerr.Sms.Core.Templates;

/// <summary>
/// Parses message templates.
/// <para>Syntax:</para>
/// <list type="bullet">
/// <item><description>Tokens are written <c>{{first_name}}</c>, <c>{{agent_name}}</c>, <c>{{property_address}}</c> and
/// <c>{{showing_time}}</c>. Whitespace is allowed inside the braces (<c>{{ first_name }}</c>) and names are
/// case-insensitive (<c>{{First_Name}}</c>).</description></item>
/// <item><description>A Liquid-style fallback is used when the value is missing or blank:
/// <c>{{ first_name | default: "there" }}</c>. The value may use double or single quotes and may be empty
/// (<c>default: ""</c>) to leave the gap empty on purpose. Quotes have no escapes; use the other kind of quote
/// to include one. <c>default</c> is the only filter.</description></item>
/// <item><description>Everything else is literal text. A lone <c>{</c> or <c>}</c> (and a stray <c>}}</c>) is literal.</description></item>
/// <item><description>A <c>{{</c> without a matching <c>}}</c> is an error, as are empty tokens (<c>{{}}</c>), unknown
/// tokens, unknown filters and a malformed <c>default</c> value.</description></item>
/// </list>
/// All errors are reported, each with the 0-based position of the <c>{{</c> that starts the offending token.
/// </summary>
public static class TemplateSyntax
{
    private const string Open = "{{";
    private const string Close = "}}";
    private const string DefaultFilter = "default";

    private static readonly string TokenList = string.Join(", ", TemplateTokens.All.Select(t => "{{" + t + "}}"));

    /// <summary>Parses <paramref name="text"/>; the template is null whenever any error was found. Null text is an empty template.</summary>
    public static (ParsedTemplate? Template, IReadOnlyList<TemplateError> Errors) Parse(string? text)
    {
        text ??= string.Empty;
        var parts = new List<TemplatePart>();
        var errors = new List<TemplateError>();
        var literal = new StringBuilder();
        var i = 0;

        while (i < text.Length)
        {
            var open = text.IndexOf(Open, i, StringComparison.Ordinal);
            if (open < 0)
            {
                literal.Append(text, i, text.Length - i);
                break;
            }

            literal.Append(text, i, open - i);
            var close = FindClose(text, open);
            if (close < 0)
            {
                errors.Add(new TemplateError($"Unclosed {{{{ at position {open}.", open, UnclosedFragment(text, open)));
                var next = text.IndexOf(Open, open + Open.Length, StringComparison.Ordinal);
                i = next < 0 ? text.Length : next;
                continue;
            }

            var raw = text.Substring(open, close + Close.Length - open);
            var token = ParseToken(text.AsSpan(open + Open.Length, close - open - Open.Length), raw, open, errors);
            if (token is not null)
            {
                if (literal.Length > 0)
                {
                    parts.Add(new LiteralPart(literal.ToString()));
                    literal.Clear();
                }

                parts.Add(token);
            }

            i = close + Close.Length;
        }

        if (literal.Length > 0)
        {
            parts.Add(new LiteralPart(literal.ToString()));
        }

        return errors.Count == 0 ? (new ParsedTemplate(parts), errors) : (null, errors);
    }

    /// <summary>Index of the <c>}}</c> closing the token opened at <paramref name="open"/>, or -1 when unclosed.</summary>
    private static int FindClose(string text, int open)
    {
        // Quotes only count after a '|' so that a stray apostrophe in a mistyped name cannot swallow the rest of the text,
        // while a fallback like default: "}}" still works.
        var seenPipe = false;
        var quote = '\0';
        for (var j = open + Open.Length; j < text.Length; j++)
        {
            var c = text[j];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            var pair = j + 1 < text.Length && text[j + 1] == c;
            if (c == '|')
            {
                seenPipe = true;
            }
            else if (seenPipe && c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '}' && pair)
            {
                return j;
            }
            else if (c == '{' && pair)
            {
                return -1;
            }
        }

        if (quote == '\0')
        {
            return -1;
        }

        // An unterminated quote: fall back to the first plain "}}" so the token reports the bad string rather than "unclosed".
        var close = text.IndexOf(Close, open + Open.Length, StringComparison.Ordinal);
        var nextOpen = text.IndexOf(Open, open + Open.Length, StringComparison.Ordinal);
        return close >= 0 && (nextOpen < 0 || close < nextOpen) ? close : -1;
    }

    private static string UnclosedFragment(string text, int open)
    {
        var end = text.IndexOf(Open, open + Open.Length, StringComparison.Ordinal);
        var lineEnd = text.IndexOfAny(['\r', '\n'], open);
        if (end < 0 || (lineEnd >= 0 && lineEnd < end))
        {
            end = lineEnd < 0 ? text.Length : lineEnd;
        }

        return text[open..end].TrimEnd();
    }

    private static TokenPart? ParseToken(ReadOnlySpan<char> body, string raw, int position, List<TemplateError> errors)
    {
        var errorCount = errors.Count;
        var pipe = body.IndexOf('|');
        var nameSpan = (pipe < 0 ? body : body[..pipe]).Trim();
        string? name = null;

        if (nameSpan.IsEmpty)
        {
            errors.Add(new TemplateError($"Empty token {raw} at position {position}. Use one of: {TokenList}.", position, raw));
        }
        else
        {
            name = TemplateTokens.Canonical(nameSpan);
            if (name is null)
            {
                errors.Add(new TemplateError($"Unknown token {raw} at position {position}. Use one of: {TokenList}.", position, raw));
            }
        }

        string? fallback = null;
        if (pipe >= 0)
        {
            fallback = ParseFilters(body[(pipe + 1)..], raw, position, errors);
        }

        return errors.Count == errorCount && name is not null ? new TokenPart(name, fallback, position) : null;
    }

    /// <summary>Parses everything after the first '|'; returns the default value, or null after reporting an error.</summary>
    private static string? ParseFilters(ReadOnlySpan<char> s, string raw, int position, List<TemplateError> errors)
    {
        string? fallback = null;
        var i = 0;
        while (true)
        {
            i = SkipWhitespace(s, i);
            var nameStart = i;
            while (i < s.Length && !char.IsWhiteSpace(s[i]) && s[i] is not ':' and not '|')
            {
                i++;
            }

            var filter = s[nameStart..i];
            if (filter.IsEmpty)
            {
                return Fail($"Missing filter after '|' in {raw} at position {position}. Only 'default' is supported, e.g. {{{{ first_name | default: \"there\" }}}}.");
            }

            if (!filter.Equals(DefaultFilter, StringComparison.OrdinalIgnoreCase))
            {
                return Fail($"Unknown filter '{filter}' in {raw} at position {position}. Only 'default' is supported.");
            }

            if (fallback is not null)
            {
                return Fail($"More than one default in {raw} at position {position}.");
            }

            i = SkipWhitespace(s, i);
            if (i >= s.Length || s[i] != ':')
            {
                return BadDefault();
            }

            i = SkipWhitespace(s, i + 1);
            if (i >= s.Length || s[i] is not ('"' or '\''))
            {
                return BadDefault();
            }

            var quote = s[i];
            var valueStart = i + 1;
            var valueLength = s[valueStart..].IndexOf(quote);
            if (valueLength < 0)
            {
                return Fail($"Unterminated string in {raw} at position {position}: the default value's {quote} is never closed.");
            }

            fallback = s.Slice(valueStart, valueLength).ToString();
            i = SkipWhitespace(s, valueStart + valueLength + 1);
            if (i >= s.Length)
            {
                return fallback;
            }

            if (s[i] != '|')
            {
                return Fail($"Unexpected text after the default value in {raw} at position {position}.");
            }

            i++;
        }

        string? BadDefault() => Fail(
            $"The default filter in {raw} at position {position} needs a quoted value, e.g. {{{{ first_name | default: \"there\" }}}}.");

        string? Fail(string message)
        {
            errors.Add(new TemplateError(message, position, raw));
            return null;
        }
    }

    private static int SkipWhitespace(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i]))
        {
            i++;
        }

        return i;
    }
}
