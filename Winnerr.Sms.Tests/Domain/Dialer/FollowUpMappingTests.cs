using Winnerr.Sms.Core.Dialer;
using Winnerr.Sms.Core.Templates;

namespace Winnerr.Sms.Tests.Domain.Dialer;

public class FollowUpMappingTests
{
    private static readonly Dictionary<long, string> Templates = new() { [7] = "Hi {{first_name}}, call me back?" };

    [Fact]
    public void WhenTheAgentMappedNothing_ThenEachOutcomeHasItsDefault()
    {
        Assert.StartsWith("Sorry I missed you", FollowUpTemplates.BodyFor(CallOutcomes.NoAnswer, [], Templates));
        Assert.Contains("voicemail", FollowUpTemplates.BodyFor(CallOutcomes.LeftVoicemail, [], Templates));
        Assert.Null(FollowUpTemplates.BodyFor(CallOutcomes.DoNotCall, [], Templates));
        Assert.Null(FollowUpTemplates.BodyFor(CallOutcomes.BadNumber, [], Templates));
    }

    [Fact]
    public void WhenTheAgentMappedATemplate_ThenThatTemplateIsUsed() =>
        Assert.Equal("Hi {{first_name}}, call me back?",
            FollowUpTemplates.BodyFor(CallOutcomes.Busy, [new DialerFollowUp { AgentId = 1, Outcome = CallOutcomes.Busy, TemplateId = 7 }], Templates));

    [Fact]
    public void WhenTheAgentChoseNoFollowUp_ThenThereIsNone() =>
        Assert.Null(FollowUpTemplates.BodyFor(CallOutcomes.NoAnswer, [new DialerFollowUp { AgentId = 1, Outcome = CallOutcomes.NoAnswer, TemplateId = null }], Templates));

    [Fact]
    public void WhenTheMappedTemplateWasDeleted_ThenTheDefaultIsUsed() =>
        Assert.StartsWith("Sorry I missed you",
            FollowUpTemplates.BodyFor(CallOutcomes.NoAnswer, [new DialerFollowUp { AgentId = 1, Outcome = CallOutcomes.NoAnswer, TemplateId = 99 }], Templates));

    [Fact]
    public void WhenTheMappingIsShown_ThenEveryOutcomeHasARow()
    {
        var choices = FollowUpTemplates.Choices([new DialerFollowUp { AgentId = 1, Outcome = CallOutcomes.Busy, TemplateId = 7 }]);
        Assert.Equal(CallOutcomes.All, choices.Select(c => c.Outcome));
        Assert.Equal(new FollowUpChoice(CallOutcomes.Busy, 7, false), choices.Single(c => c.Outcome == CallOutcomes.Busy));
        Assert.All(choices.Where(c => c.Outcome != CallOutcomes.Busy), c => Assert.True(c.UseDefault));
    }

    [Theory]
    [InlineData("no-answer")]
    [InlineData("left-voicemail")]
    [InlineData("busy")]
    [InlineData("connected")]
    [InlineData("appointment-set")]
    [InlineData("not-interested")]
    public void WhenADefaultIsRenderedForAContactWithNoDetails_ThenItStillReadsWell(string outcome)
    {
        var (parsed, errors) = TemplateSyntax.Parse(FollowUpTemplates.Defaults[outcome]!);
        Assert.Empty(errors);
        var rendered = TemplateRenderer.Render(parsed!, new TemplateValues(null, "Alex Morgan", null, null, null));
        Assert.True(rendered.Ok);
        Assert.DoesNotContain("{{", rendered.Text);
        Assert.Contains("Alex Morgan", rendered.Text);
    }

    [Fact]
    public void WhenTheNoAnswerDefaultIsRenderedForMaria_ThenItNamesHerAndTheProperty()
    {
        var (parsed, _) = TemplateSyntax.Parse(FollowUpTemplates.Defaults[CallOutcomes.NoAnswer]!);
        var rendered = TemplateRenderer.Render(parsed!, new TemplateValues("Maria", "Alex Morgan", "418 Maple", null, null));
        Assert.Equal("Sorry I missed you, Maria. When's a good time to talk about 418 Maple? – Alex Morgan", rendered.Text);
    }
}
