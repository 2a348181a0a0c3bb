namespace Winnerr.Sms.Core.Templates;

/// <summary>A problem found while parsing a template.</summary>
/// <param name="Message">Human-readable explanation, suitable for showing to the template author.</param>
/// <param name="Position">0-based index into the template text where the offending <c>{{</c> starts.</param>
/// <param name="Token">The offending template text (e.g. <c>{{firstname}}</c>), when there is one.</param>
public sealed record TemplateError(string Message, int Position, string? Token);

/// <summary>A successfully parsed template: a sequence of literal and token parts.</summary>
public sealed record ParsedTemplate(IReadOnlyList<TemplatePart> Parts);

public abstract record TemplatePart;

public sealed record LiteralPart(string Text) : TemplatePart;

/// <param name="Name">Canonical token name, one of <see cref="TemplateTokens.All"/>.</param>
/// <param name="Fallback">Text used when the value is missing; null means the value is required. "" is a deliberate empty fallback.</param>
/// <param name="Position">0-based index of the token's <c>{{</c> in the template text.</param>
public sealed record TokenPart(string Name, string? Fallback, int Position) : TemplatePart;

/// <summary>The per-recipient values substituted into a template.</summary>
/// <param name="ShowingTimeZone">The contact's time zone for <c>showing_time</c>; UTC when null.</param>
public sealed record TemplateValues(
    string? FirstName,
    string? AgentName,
    string? PropertyAddress,
    DateTimeOffset? ShowingAt,
    TimeZoneInfo? ShowingTimeZone);

/// <summary>Outcome of rendering: <see cref="Text"/> is null when required values were missing.</summary>
public sealed record RenderResult(string? Text, IReadOnlyList<string> MissingTokens)
{
    public bool Ok => Text is not null;
}
