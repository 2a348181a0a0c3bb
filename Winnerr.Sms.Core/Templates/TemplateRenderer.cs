using System.Globalization;
using System.Text;

namespace Winnerr.Sms.Core.Templates;

/// <summary>Fills a <see cref="ParsedTemplate"/> with one recipient's values.</summary>
public static class TemplateRenderer
{
    public const string ShowingTimeFormat = "ddd, MMM d 'at' h:mm tt";

    /// <summary>
    /// Renders the template. Values are trimmed and inserted literally (never re-parsed). A missing or blank value uses the
    /// token's fallback; without one the render fails and <see cref="RenderResult.MissingTokens"/> names the tokens.
    /// </summary>
    public static RenderResult Render(ParsedTemplate template, TemplateValues values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);

        var builder = new StringBuilder(EstimateLength(template));
        List<string>? missing = null;
        string? showingTime = null;

        foreach (var part in template.Parts)
        {
            switch (part)
            {
                case LiteralPart literal:
                    builder.Append(literal.Text);
                    break;
                case TokenPart token:
                    var value = ValueFor(token.Name, values, ref showingTime);
                    if (value is not null)
                    {
                        builder.Append(value);
                    }
                    else if (token.Fallback is not null)
                    {
                        builder.Append(token.Fallback);
                    }
                    else
                    {
                        missing ??= [];
                        if (!missing.Contains(token.Name, StringComparer.OrdinalIgnoreCase))
                        {
                            missing.Add(token.Name);
                        }
                    }

                    break;
            }
        }

        return missing is null ? new RenderResult(builder.ToString(), []) : new RenderResult(null, missing);
    }

    /// <summary>The trimmed value for <paramref name="name"/>, or null when it is missing or blank.</summary>
    private static string? ValueFor(string name, TemplateValues values, ref string? showingTime)
    {
        if (Is(name, TemplateTokens.ShowingTime))
        {
            if (values.ShowingAt is not { } at)
            {
                return null;
            }

            return showingTime ??= TimeZoneInfo.ConvertTime(at, values.ShowingTimeZone ?? TimeZoneInfo.Utc)
                .ToString(ShowingTimeFormat, CultureInfo.InvariantCulture);
        }

        var raw = Is(name, TemplateTokens.FirstName) ? values.FirstName
            : Is(name, TemplateTokens.AgentName) ? values.AgentName
            : Is(name, TemplateTokens.PropertyAddress) ? values.PropertyAddress
            : null;

        return string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();
    }

    private static bool Is(string name, string token) => string.Equals(name, token, StringComparison.OrdinalIgnoreCase);

    private static int EstimateLength(ParsedTemplate template)
    {
        var length = 0;
        foreach (var part in template.Parts)
        {
            length += part is LiteralPart literal ? literal.Text.Length : 24;
        }

        return length;
    }
}
