using Winnerr.Sms.Core.Templates;

namespace Winnerr.Sms.Tests.Domain.Templates;

public class TemplateSyntaxTests
{
    private const string TokenList = "Use one of: {{first_name}}, {{agent_name}}, {{property_address}}, {{showing_time}}.";

    private static ParsedTemplate ParseOk(string text)
    {
        var (template, errors) = TemplateSyntax.Parse(text);
        Assert.Empty(errors);
        Assert.NotNull(template);
        return template;
    }

    private static TemplateError SingleError(string text)
    {
        var (template, errors) = TemplateSyntax.Parse(text);
        Assert.Null(template);
        return Assert.Single(errors);
    }

    [Fact]
    public void WhenTokensAreListed_ThenAllIsInDeclaredOrder()
    {
        Assert.Equal(["first_name", "agent_name", "property_address", "showing_time"], TemplateTokens.All);
    }

    [Theory]
    [InlineData("{{first_name}}", "first_name")]
    [InlineData("{{agent_name}}", "agent_name")]
    [InlineData("{{property_address}}", "property_address")]
    [InlineData("{{showing_time}}", "showing_time")]
    [InlineData("{{ first_name }}", "first_name")]
    [InlineData("{{\tFirst_Name\n}}", "first_name")]
    [InlineData("{{AGENT_NAME}}", "agent_name")]
    public void WhenTokenIsKnown_ThenItParsesToTheCanonicalName(string text, string name)
    {
        var part = Assert.IsType<TokenPart>(Assert.Single(ParseOk(text).Parts));
        Assert.Equal(new TokenPart(name, null, 0), part);
    }

    [Fact]
    public void WhenTemplateMixesTextAndTokens_ThenPartsKeepOrderAndPositions()
    {
        var parts = ParseOk("Hi {{first_name}}, {{ agent_name }} here.").Parts;

        Assert.Equal<TemplatePart>(
            [
                new LiteralPart("Hi "),
                new TokenPart("first_name", null, 3),
                new LiteralPart(", "),
                new TokenPart("agent_name", null, 19),
                new LiteralPart(" here."),
            ],
            parts);
    }

    [Theory]
    [InlineData("{{ first_name | default: \"there\" }}", "there")]
    [InlineData("{{ first_name | default: 'there' }}", "there")]
    [InlineData("{{first_name|default:\"there\"}}", "there")]
    [InlineData("{{ first_name | default: \"\" }}", "")]
    [InlineData("{{ first_name | default: '' }}", "")]
    [InlineData("{{ first_name | default: \"it's you\" }}", "it's you")]
    [InlineData("{{ first_name | default: '}} | {{' }}", "}} | {{")]
    [InlineData("{{ first_name | DEFAULT: \"  friend  \" }}", "  friend  ")]
    public void WhenTokenHasDefault_ThenFallbackIsParsedVerbatim(string text, string fallback)
    {
        var part = Assert.IsType<TokenPart>(Assert.Single(ParseOk(text).Parts));
        Assert.Equal(fallback, part.Fallback);
    }

    [Theory]
    [InlineData("Hello there.")]
    [InlineData("")]
    [InlineData("Price: {$500} and a } or { alone; even }} is fine")]
    [InlineData("{ first_name }")]
    public void WhenTemplateHasNoTokens_ThenItIsOneLiteral(string text)
    {
        var parts = ParseOk(text).Parts;
        if (text.Length == 0)
        {
            Assert.Empty(parts);
        }
        else
        {
            Assert.Equal(new LiteralPart(text), Assert.Single(parts));
        }
    }

    [Fact]
    public void WhenTextIsNull_ThenItIsAnEmptyTemplate()
    {
        var (template, errors) = TemplateSyntax.Parse(null);
        Assert.Empty(errors);
        Assert.Empty(template!.Parts);
    }

    [Fact]
    public void WhenTokenIsUnknown_ThenErrorNamesItWithExactPosition()
    {
        var error = SingleError("Hi {{firstname}}!");

        Assert.Equal(
            new TemplateError($"Unknown token {{{{firstname}}}} at position 3. {TokenList}", 3, "{{firstname}}"),
            error);
    }

    [Fact]
    public void WhenSeveralTokensAreWrong_ThenEveryErrorIsReportedInOrder()
    {
        var (template, errors) = TemplateSyntax.Parse("{{name}} and {{ agent }} at {{property_address}} {{}}");

        Assert.Null(template);
        Assert.Equal([0, 13, 49], errors.Select(e => e.Position));
        Assert.Equal(["{{name}}", "{{ agent }}", "{{}}"], errors.Select(e => e.Token));
        Assert.StartsWith("Empty token {{}} at position 49.", errors[2].Message);
    }

    [Theory]
    [InlineData("Hi {{first_name", 3)]
    [InlineData("Hi {{ first_name }", 3)]
    [InlineData("{{", 0)]
    [InlineData("ok {{ agent_name | default: \"x\"", 3)]
    public void WhenBracesAreNotClosed_ThenUnclosedErrorHasPosition(string text, int position)
    {
        var error = SingleError(text);

        Assert.Equal($"Unclosed {{{{ at position {position}.", error.Message);
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void WhenAnUnclosedTokenIsFollowedByAValidOne_ThenOnlyTheUnclosedOneIsReported()
    {
        var error = SingleError("Hi {{first_name, meet {{agent_name}}");

        Assert.Equal(new TemplateError("Unclosed {{ at position 3.", 3, "{{first_name, meet"), error);
    }

    [Fact]
    public void WhenFilterIsUnknown_ThenErrorSaysOnlyDefaultIsSupported()
    {
        var error = SingleError("Hey {{ first_name | upcase }}");

        Assert.Equal(
            new TemplateError(
                "Unknown filter 'upcase' in {{ first_name | upcase }} at position 4. Only 'default' is supported.",
                4,
                "{{ first_name | upcase }}"),
            error);
    }

    [Theory]
    [InlineData("{{ first_name | default: there }}", "needs a quoted value")]
    [InlineData("{{ first_name | default \"there\" }}", "needs a quoted value")]
    [InlineData("{{ first_name | default: }}", "needs a quoted value")]
    [InlineData("{{ first_name | default: \"there }}", "Unterminated string")]
    [InlineData("{{ first_name | default: 'there\" }}", "Unterminated string")]
    [InlineData("{{ first_name | default: \"a\" b }}", "Unexpected text after the default value")]
    [InlineData("{{ first_name | }}", "Missing filter")]
    [InlineData("{{ first_name | default: \"a\" | default: \"b\" }}", "More than one default")]
    public void WhenDefaultIsMalformed_ThenErrorExplainsIt(string text, string expected)
    {
        var error = SingleError("Hi " + text);

        Assert.Contains(expected, error.Message);
        Assert.Contains("at position 3", error.Message);
        Assert.Equal(3, error.Position);
        Assert.Equal(text, error.Token);
    }

    [Fact]
    public void WhenTokenIsUnknownAndFilterIsBad_ThenBothAreReported()
    {
        var (_, errors) = TemplateSyntax.Parse("{{ nme | upcase }}");

        Assert.Equal(2, errors.Count);
        Assert.StartsWith("Unknown token", errors[0].Message);
        Assert.StartsWith("Unknown filter 'upcase'", errors[1].Message);
    }

    [Fact]
    public void WhenTripleBracesAreUsed_ThenTheExtraBraceMakesTheTokenUnknown()
    {
        var error = SingleError("{{{first_name}}}");

        Assert.Equal(0, error.Position);
        Assert.Equal("{{{first_name}}", error.Token);
    }
}
