using Winnerr.Sms.Core.Messaging;
using Winnerr.Sms.Core.Suggestions;
using Winnerr.Sms.Core.Templates;

namespace Winnerr.Sms.Tests.Domain.Suggestions;

/// <summary>The intent library shipped in the repo loads, and every reply in it renders.</summary>
public class SuggestLibraryTests
{
    private static readonly IntentLibrary Library = IntentLibrary.LoadEmbedded();
    private static readonly ContactFacts Full = new("Maria", "12 Oak St", new DateTimeOffset(2026, 12, 5, 20, 0, 0, TimeSpan.Zero), "America/Chicago", false, false);

    [Fact]
    public void WhenTheLibraryLoads_ThenItHasAtLeast25ReplyIntentsWithExamples()
    {
        var replying = Library.Intents.Where(i => !i.Block && i.ReplyList.Count > 0).ToList();

        Assert.True(replying.Count >= 25, $"{replying.Count} reply intents");
        Assert.All(Library.Intents.Where(i => i.Id != SuggestionRanker.FollowUpIntent), i => Assert.True(i.Examples.Count >= 5, i.Id));
        Assert.Equal(Library.Intents.Count, Library.Intents.Select(i => i.Id).Distinct().Count());
        Assert.All(Library.Intents.Where(i => i.Block), i => Assert.Empty(i.ReplyList));
    }

    [Fact]
    public void WhenEveryReplyIsRendered_ThenItParsesFillsAndFitsInAtMostTwoSegments()
    {
        foreach (var intent in Library.Intents)
        foreach (var reply in intent.ReplyList)
        {
            Assert.Empty(TemplateSyntax.Parse(reply.Text.Replace(IntentLibrary.ProposedTimeToken, "Saturday at 2")).Errors);
            var text = ReplyRenderer.Render(reply.Text, Full, "Alex Morgan", "Saturday at 2");
            Assert.False(text is null, $"{intent.Id}: {reply.Text}");
            Assert.DoesNotContain("{{", text);
            Assert.True(SmsSegments.Measure(text).Segments <= ReplyRenderer.MaxSegments, text);
        }
    }

    [Fact]
    public void WhenEnglishRepliesAreRendered_ThenTheyAreOneGsm7Segment()
    {
        var english = Library.Intents.SelectMany(i => i.ReplyList).Where(r => r.Language == "en")
            .Select(r => ReplyRenderer.Render(r.Text, Full, "Alex Morgan", "Saturday at 2")!).ToList();

        Assert.All(english, t => Assert.Equal((SmsEncoding.Gsm7, 1), (SmsSegments.Measure(t).Encoding, SmsSegments.Measure(t).Segments)));
    }
}
