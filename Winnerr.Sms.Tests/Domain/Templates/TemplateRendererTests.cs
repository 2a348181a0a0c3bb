using Winnerr.Sms.Core.Templates;

namespace Winnerr.Sms.Tests.Domain.Templates;

public class TemplateRendererTests
{
    private static readonly DateTimeOffset Showing = new(2026, 11, 28, 20, 0, 0, TimeSpan.Zero);

    private static readonly TemplateValues Full = new("Dana", "Sam Agent", "12 Oak St", Showing, null);

    private static RenderResult Render(string text, TemplateValues values)
    {
        var (template, errors) = TemplateSyntax.Parse(text);
        Assert.Empty(errors);
        return TemplateRenderer.Render(template!, values);
    }

    private static string RenderOk(string text, TemplateValues values)
    {
        var result = Render(text, values);
        Assert.True(result.Ok, string.Join(",", result.MissingTokens));
        Assert.Empty(result.MissingTokens);
        return result.Text!;
    }

    [Theory]
    [InlineData("{{first_name}}", "Dana")]
    [InlineData("{{agent_name}}", "Sam Agent")]
    [InlineData("{{property_address}}", "12 Oak St")]
    [InlineData("{{showing_time}}", "Sat, Nov 28 at 8:00 PM")]
    [InlineData("{{ FIRST_NAME }}", "Dana")]
    public void WhenValueIsPresent_ThenTokenIsReplaced(string text, string expected)
    {
        Assert.Equal(expected, RenderOk(text, Full));
    }

    [Fact]
    public void WhenTemplateUsesEveryToken_ThenTheMessageReadsNaturally()
    {
        var text = RenderOk(
            "Hi {{first_name}}, it's {{ agent_name }}. See you at {{property_address}} on {{showing_time}}!",
            Full);

        Assert.Equal("Hi Dana, it's Sam Agent. See you at 12 Oak St on Sat, Nov 28 at 8:00 PM!", text);
    }

    [Fact]
    public void WhenValueHasSurroundingWhitespace_ThenItIsTrimmed()
    {
        Assert.Equal("Hi Dana!", RenderOk("Hi {{first_name}}!", Full with { FirstName = "  Dana \n" }));
    }

    [Fact]
    public void WhenFirstNameIsMissingAndNoFallback_ThenRenderFailsNamingTheToken()
    {
        var result = Render("Hi {{first_name}}!", Full with { FirstName = null });

        Assert.False(result.Ok);
        Assert.Null(result.Text);
        Assert.Equal(["first_name"], result.MissingTokens);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void WhenValueIsBlankAndNoFallback_ThenItCountsAsMissing(string blank)
    {
        var result = Render("Hi {{first_name}}, {{agent_name}}", Full with { FirstName = blank });

        Assert.Equal(["first_name"], result.MissingTokens);
    }

    [Fact]
    public void WhenSeveralValuesAreMissing_ThenMissingTokensAreDistinctAndInOrder()
    {
        var values = new TemplateValues(null, " ", null, null, null);
        var result = Render(
            "{{agent_name}} {{first_name}} {{AGENT_NAME}} {{ first_name | default: 'x' }} {{showing_time}} {{property_address}}",
            values);

        Assert.Null(result.Text);
        Assert.Equal(["agent_name", "first_name", "showing_time", "property_address"], result.MissingTokens);
    }

    [Theory]
    [InlineData("Hi {{ first_name | default: \"there\" }}!", "Hi there!")]
    [InlineData("Hi {{ first_name | default: 'there' }}!", "Hi there!")]
    [InlineData("Hi{{ first_name | default: \"\" }}!", "Hi!")]
    [InlineData("Hi {{ first_name | default: \"\" }}!", "Hi !")]
    [InlineData("{{ showing_time | default: \"soon\" }}", "soon")]
    public void WhenValueIsMissingAndTokenHasFallback_ThenFallbackIsUsed(string text, string expected)
    {
        Assert.Equal(expected, RenderOk(text, new TemplateValues("  ", null, null, null, null)));
    }

    [Fact]
    public void WhenValueIsPresentAndTokenHasFallback_ThenValueWins()
    {
        Assert.Equal("Hi Dana!", RenderOk("Hi {{ first_name | default: \"there\" }}!", Full));
    }

    [Fact]
    public void WhenFallbackLooksLikeAToken_ThenItIsInsertedLiterally()
    {
        Assert.Equal("Hi {{agent_name}}", RenderOk("Hi {{ first_name | default: '{{agent_name}}' }}", Full with { FirstName = null }));
    }

    [Theory]
    [InlineData("{{agent_name}}")]
    [InlineData("}}{{")]
    [InlineData("{{")]
    [InlineData("}}")]
    [InlineData("{{ first_name | default: \"x\" }}")]
    public void WhenValueContainsTemplateSyntax_ThenItIsOutputAsIsWithoutReparsing(string malicious)
    {
        var text = RenderOk("Hi {{first_name}}, I'm {{agent_name}}.", Full with { FirstName = malicious });

        Assert.Equal($"Hi {malicious}, I'm Sam Agent.", text);
    }

    [Fact]
    public void WhenTemplateHasLiteralSingleBraces_ThenTheyAreKept()
    {
        Assert.Equal("{ Dana } costs {$5} and }} stays", RenderOk("{ {{first_name}} } costs {$5} and }} stays", Full));
    }

    [Fact]
    public void WhenTemplateHasNoTokens_ThenTextIsUnchanged()
    {
        const string text = "Open house this weekend!  Reply STOP to opt out.";
        Assert.Equal(text, RenderOk(text, new TemplateValues(null, null, null, null, null)));
    }

    [Fact]
    public void WhenTemplateIsEmpty_ThenRenderIsEmpty()
    {
        Assert.Equal("", RenderOk("", Full));
    }

    [Fact]
    public void WhenContactIsInChicago_ThenShowingTimeIsLocalToThem()
    {
        var chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

        Assert.Equal("Sat, Nov 28 at 2:00 PM", RenderOk("{{showing_time}}", Full with { ShowingTimeZone = chicago }));
    }

    [Fact]
    public void WhenContactHasNoTimeZone_ThenShowingTimeIsUtc()
    {
        Assert.Equal("Sat, Nov 28 at 8:00 PM", RenderOk("{{showing_time}}", Full with { ShowingTimeZone = null }));
        Assert.Equal("Sat, Nov 28 at 8:00 PM", RenderOk("{{showing_time}}", Full with { ShowingTimeZone = TimeZoneInfo.Utc }));
    }

    [Fact]
    public void WhenShowingIsDuringDaylightTime_ThenChicagoOffsetFollowsIt()
    {
        var chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        var values = Full with { ShowingAt = new DateTimeOffset(2026, 7, 4, 15, 30, 0, TimeSpan.Zero), ShowingTimeZone = chicago };

        Assert.Equal("Sat, Jul 4 at 10:30 AM", RenderOk("{{showing_time}}", values));
    }

    [Fact]
    public void WhenOneTemplateIsRenderedForManyContacts_ThenEachGetsTheirOwnValues()
    {
        var (template, _) = TemplateSyntax.Parse("Hi {{ first_name | default: \"there\" }} from {{agent_name}}");

        var texts = Enumerable.Range(0, 1000)
            .Select(i => TemplateRenderer.Render(template!, Full with { FirstName = i % 2 == 0 ? $"C{i}" : null }).Text)
            .ToList();

        Assert.Equal("Hi C0 from Sam Agent", texts[0]);
        Assert.Equal("Hi there from Sam Agent", texts[1]);
        Assert.Equal("Hi C998 from Sam Agent", texts[998]);
    }
}
