using Winnerr.Sms.Core.Compliance;
using Winnerr.Sms.Core.Messaging;
using Winnerr.Sms.Core.Suggestions;

namespace Winnerr.Sms.Tests.Domain.Suggestions;

/// <summary>Where nothing may be suggested, token filling, and what the conversation says.</summary>
public class SuggestFiltersTests
{
    private static readonly ContactFacts Maria = new("Maria", "12 Oak St", new DateTimeOffset(2026, 12, 5, 20, 0, 0, TimeSpan.Zero), "America/Chicago", false, false);

    private static SuggestionInput Input(string text, ContactFacts? contact = null, params (MessageDirection Dir, string Body)[] before)
    {
        var turns = before.Select((t, i) => new TurnView(i + 1, t.Dir, t.Body, DateTimeOffset.UtcNow)).ToList();
        var (kind, keyword) = OptOutKeywords.Match(text);
        turns.Add(new TurnView(turns.Count + 1, MessageDirection.Inbound, text, DateTimeOffset.UtcNow, kind == KeywordKind.None ? null : keyword));
        return new SuggestionInput(1, "Alex Morgan", 1, contact ?? Maria, turns);
    }

    [Theory]
    [InlineData("STOP")]
    [InlineData("stop!!")]
    [InlineData("START")]
    [InlineData("HELP")]
    [InlineData("please stop texting me")]
    [InlineData("Where do I wire the earnest money?")]
    [InlineData("can I back out of the contract")]
    [InlineData("is it a safe neighborhood?")]
    [InlineData("you people are scammers")]
    public void WhenTheTextMustNotGetSuggestions_ThenTheGateSaysWhy(string text)
    {
        Assert.NotNull(SuggestionGate.WhyNone(Input(text)));
    }

    [Fact]
    public void WhenTheContactOptedOut_ThenNothingIsSuggested()
    {
        Assert.Equal("opted-out", SuggestionGate.WhyNone(Input("is it still available?", Maria with { IsOptedOut = true })));
    }

    [Fact]
    public void WhenTheAgentWroteLast_ThenNothingIsSuggested()
    {
        var input = Input("is it still available?") is var i ? i with { Turns = [.. i.Turns, new TurnView(9, MessageDirection.Outbound, "Yes!", DateTimeOffset.UtcNow)] } : null;

        Assert.Equal("outbound-last", SuggestionGate.WhyNone(input!));
    }

    [Theory]
    [InlineData("is it still available?")]
    [InlineData("Can we stop by at 5?")]
    [InlineData("Cancel it? No, we're still coming")]
    public void WhenTheTextIsOrdinary_ThenTheGateLetsItThrough(string text)
    {
        Assert.Null(SuggestionGate.WhyNone(Input(text)));
    }

    [Fact]
    public void WhenAReplyIsRendered_ThenTokensAreFilledForThisContact()
    {
        var text = ReplyRenderer.Render("Hi {{first_name}}, see you {{showing_time}} at {{property_address}}. {{agent_name}}", Maria, "Alex Morgan", null);

        Assert.Equal("Hi Maria, see you Sat, Dec 5 at 2:00 PM at 12 Oak St. Alex Morgan", text);
    }

    [Fact]
    public void WhenTheRecordLacksAFact_ThenTheReplyIsNotOffered()
    {
        Assert.Null(ReplyRenderer.Render("It's {{property_address}}.", Maria with { PropertyAddress = null }, "Alex", null));
        Assert.Null(ReplyRenderer.Render("Confirmed for {{proposed_time}}.", Maria, "Alex", null));
    }

    [Fact]
    public void WhenTheFirstNameIsMissing_ThenTheGreetingStillReads()
    {
        Assert.Equal("Thanks! I'll check.", ReplyRenderer.Render("Thanks, {{ first_name | default: \"\" }}! I'll check.", Maria with { FirstName = "" }, "Alex", null));
    }

    [Theory]
    [InlineData("I can show it Saturday at 2, does that work?", "Saturday at 2")]
    [InlineData("How about tomorrow at 10:30am?", "tomorrow at 10:30am")]
    [InlineData("I'll be there at 4pm", "at 4pm")]
    [InlineData("Thanks for reaching out!", null)]
    public void WhenTheAgentProposedATime_ThenItIsReadAsTheyWroteIt(string agentText, string? expected)
    {
        Assert.Equal(expected, ConversationCues.ProposedTime(agentText));
    }

    [Theory]
    [InlineData("yes that works", true)]
    [InlineData("Sounds good 👍", true)]
    [InlineData("sí, perfecto", true)]
    [InlineData("yes but can we do 3 instead?", false)]
    [InlineData("no that doesn't work", false)]
    public void WhenTheContactAnswersYes_ThenItIsAnAffirmation(string text, bool expected)
    {
        Assert.Equal(expected, ConversationCues.IsAffirmation(text));
    }

    [Fact]
    public void WhenAPastReplyNamesItsContact_ThenTheNameBecomesAToken_AndSpecificsAreNotReused()
    {
        Assert.Equal("Great news, {{ first_name | default: \"\" }}! Talk soon.", HistoryScrubber.Reusable("Great news, Dana! Talk soon.", "Dana"));
        Assert.Null(HistoryScrubber.Reusable("It's listed at $450,000.", "Dana"));
        Assert.Null(HistoryScrubber.Reusable("Meet me at 44 Elm Street", "Dana"));
    }

    [Fact]
    public void WhenAModelInventsANumber_ThenThatSuggestionIsDropped()
    {
        var input = Input("how much is it?");
        var kept = ChatSuggestionEngine.Filter([
            new ChatSuggestionEngine.Draft("price", "It's listed at $450k."),
            new ChatSuggestionEngine.Draft("price", "Let me check the price for 12 Oak St."),
            new ChatSuggestionEngine.Draft("price", "Duplicate intent, dropped."),
            new ChatSuggestionEngine.Draft("call", "Want me to call you?"),
        ], input);

        Assert.Equal(["Let me check the price for 12 Oak St.", "Want me to call you?"], kept.Select(k => k.Text));
    }
}
