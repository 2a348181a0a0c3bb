using Winnerr.Sms.Core.Suggestions;

namespace Winnerr.Sms.Tests.Domain.Suggestions;

/// <summary>Ranking, diversity, threshold and the conversation's cues, on fixed 4-dimensional embeddings.</summary>
public class SuggestRankerTests
{
    private static float[] V(params float[] v)
    {
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }

    private static readonly float[] Availability = V(1, 0, 0, 0);
    private static readonly float[] Showing = V(0, 1, 0, 0);
    private static readonly float[] Money = V(0, 0, 1, 0);
    private static readonly float[] Thanks = V(0, 0, 0, 1);

    private static IntentVectors Intent(string id, float[] example, bool block = false, bool contextOnly = false, params string[] replies) =>
        new(new Intent(id, id, ["example"], block ? null : replies.Select(r => new IntentReply(r)).ToList(), block, contextOnly), [example]);

    private static readonly IReadOnlyList<IntentVectors> Library =
    [
        Intent("availability", Availability, replies: ["Let me confirm it's still available.", "I'll check availability for you."]),
        Intent("schedule_showing", Showing, replies: ["What day works for a showing?"]),
        Intent("thanks", Thanks, replies: ["You're welcome, {{first_name}}!"]),
        Intent("confirm_time", V(0.5f, 0.5f, 0, 0.7f), contextOnly: true, replies: ["Confirmed for " + IntentLibrary.ProposedTimeToken + "!"]),
        Intent("block_wire", Money, block: true),
        Intent(SuggestionRanker.FollowUpIntent, V(0, 0, 0, 0.01f), replies: ["Let me check and get back to you."]),
    ];

    private static readonly RankerOptions Options = new() { Threshold = 0.5, Secondary = 0.3, MaxGap = 0.5, BlockThreshold = 0.6, HistoryThreshold = 0.8 };

    private static IReadOnlyList<Ranked> Rank(RankQuery query, IReadOnlyList<HistoryReply>? history = null, Dictionary<string, double>? boosts = null, string? proposed = null) =>
        SuggestionRanker.Rank(query, Library, history ?? [], boosts ?? [], Options,
            t => t.Replace("{{first_name}}", "Maria").Replace(IntentLibrary.ProposedTimeToken, proposed ?? query.ProposedTime ?? "?"));

    [Fact]
    public void WhenTheTextIsNearOneIntent_ThenItsReplyComesFirst()
    {
        var ranked = Rank(new RankQuery([V(0.8f, 0.6f, 0, 0)]));

        Assert.Equal(["availability", "schedule_showing"], ranked.Select(r => r.Intent));
        Assert.Equal("Let me confirm it's still available.", ranked[0].Text);
    }

    [Fact]
    public void WhenAnIntentHasSeveralReplies_ThenOnlyOneIsSuggested()
    {
        var ranked = Rank(new RankQuery([Availability, V(0.95f, 0.05f, 0, 0)]));

        Assert.Single(ranked, r => r.Intent == "availability");
        Assert.Equal(ranked.Count, ranked.Select(r => r.Intent).Distinct().Count());
    }

    [Fact]
    public void WhenNothingReachesTheThreshold_ThenNothingIsSuggested()
    {
        // A fifth dimension none of the intents has: every similarity is 0.3.
        Assert.Empty(Rank(new RankQuery([V(0.3f, 0.3f, 0.3f, 0.3f, 0.8f)])));
    }

    [Fact]
    public void WhenTheTextReadsAsABlockedTopic_ThenNothingIsSuggestedEvenIfAnIntentIsClose()
    {
        Assert.Empty(Rank(new RankQuery([V(0.5f, 0, 0.85f, 0)])));
    }

    [Fact]
    public void WhenTheContactSaysYesToATimeTheAgentProposed_ThenTheConfirmationOfThatTimeLeads()
    {
        var ranked = Rank(new RankQuery([Thanks], Affirmation: true, ProposedTime: "Saturday at 2"));

        Assert.Equal("confirm_time", ranked[0].Intent);
        Assert.Equal("Confirmed for Saturday at 2!", ranked[0].Text);
    }

    [Fact]
    public void WhenNoTimeWasProposed_ThenAYesIsNotReadAsAConfirmation()
    {
        var ranked = Rank(new RankQuery([Thanks], Affirmation: true));

        Assert.DoesNotContain(ranked, r => r.Intent == "confirm_time");
        Assert.Equal("thanks", ranked[0].Intent);
    }

    [Fact]
    public void WhenTheAgentAnsweredALikeTextBefore_ThenTheirOwnReplyLeadsThatIntent()
    {
        var history = new[] { new HistoryReply(42, V(0.98f, 0.1f, 0, 0), "Checking with the sellers now!", "availability") };

        var ranked = Rank(new RankQuery([Availability]), history);

        Assert.Equal("history#42", ranked[0].ReplyKey);
        Assert.Equal("Checking with the sellers now!", ranked[0].Text);
        Assert.Single(ranked, r => r.Intent == "availability");
    }

    [Fact]
    public void WhenAReplyWasAcceptedBefore_ThenItRanksHigherForThisAgent()
    {
        var query = new RankQuery([V(0.72f, 0.7f, 0, 0)]);
        Assert.Equal("availability", Rank(query)[0].Intent);

        var boosted = Rank(query, boosts: new() { ["schedule_showing#0"] = 0.08, ["availability#1"] = 0.01 });

        Assert.Equal("schedule_showing", boosted[0].Intent);
    }

    [Fact]
    public void WhenTheVariantAcceptedMostDiffers_ThenThatVariantIsTheOneShown()
    {
        var ranked = Rank(new RankQuery([Availability]), boosts: new() { ["availability#1"] = 0.05 });

        Assert.Equal("I'll check availability for you.", ranked[0].Text);
    }

    [Fact]
    public void WhenTheIntentWasAnsweredEarlierInTheConversation_ThenItIsNotAnsweredAgainBlindly()
    {
        var query = new RankQuery([V(0.72f, 0.7f, 0, 0)], AnsweredIntents: new HashSet<string> { "availability" });

        Assert.Equal("schedule_showing", Rank(query)[0].Intent);
    }

    [Fact]
    public void WhenAReplyCannotBeRendered_ThenTheNextVariantIsUsedOrTheIntentDropped()
    {
        var ranked = SuggestionRanker.Rank(new RankQuery([V(0.9f, 0.4f, 0, 0)]), Library, [], new Dictionary<string, double>(), Options,
            t => t.StartsWith("Let me confirm", StringComparison.Ordinal) || t.StartsWith("What day", StringComparison.Ordinal) ? null : t);

        Assert.Equal(["availability"], ranked.Select(r => r.Intent));
        Assert.Equal("I'll check availability for you.", ranked[0].Text);
    }

    [Fact]
    public void WhenAQuestionHasOnlyOneConfidentIntent_ThenAHoldingReplyJoinsIt()
    {
        var ranked = Rank(new RankQuery([Availability], IsQuestion: true));

        Assert.Equal(["availability", SuggestionRanker.FollowUpIntent], ranked.Select(r => r.Intent));
    }

    [Fact]
    public void WhenMoreThanThreeIntentsQualify_ThenAtMostThreeAreShown()
    {
        var ranked = SuggestionRanker.Rank(new RankQuery([V(1, 1, 0, 1)]), Library, [], new Dictionary<string, double>(),
            Options with { Threshold = 0.1, Secondary = 0.1, MaxGap = 1 }, t => t);

        Assert.True(ranked.Count <= 3);
    }
}
