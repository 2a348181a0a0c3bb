namespace Winnerr.Sms.Core.Templates;

/// <summary>The merge tokens a message template may use.</summary>
public static class TemplateTokens
{
    public const string FirstName = "first_name";
    public const string AgentName = "agent_name";
    public const string PropertyAddress = "property_address";
    public const string ShowingTime = "showing_time";

    /// <summary>Every supported token, in display order.</summary>
    public static IReadOnlyList<string> All { get; } = [FirstName, AgentName, PropertyAddress, ShowingTime];

    /// <summary>Returns the canonical (lower-case) token name, or null when <paramref name="name"/> is not a token.</summary>
    public static string? Canonical(ReadOnlySpan<char> name)
    {
        foreach (var token in All)
        {
            if (name.Equals(token, StringComparison.OrdinalIgnoreCase))
            {
                return token;
            }
        }

        return null;
    }
}
