using Winnerr.Sms.Core.Dialer;

namespace Winnerr.Sms.Tests.Domain.Dialer;

public class OutcomeSuggestionTests
{
    [Theory]
    [InlineData("busy", null, "busy")]
    [InlineData("no-answer", null, "no-answer")]
    [InlineData("failed", null, "bad-number")]
    [InlineData("canceled", null, "no-answer")]
    [InlineData("completed", "human", "connected")]
    [InlineData("completed", "machine_start", "left-voicemail")]
    [InlineData("completed", "machine_end_beep", "left-voicemail")]
    [InlineData("completed", "machine_end_silence", "left-voicemail")]
    [InlineData("completed", "fax", "bad-number")]
    [InlineData("completed", null, "connected")]
    [InlineData("completed", "unknown", "connected")]
    public void WhenTheCallEnded_ThenTheOutcomeFollowsStatusAndAnsweringMachine(string status, string? answeredBy, string expected) =>
        Assert.Equal(expected, CallOutcomes.Suggest(status, answeredBy, 30));

    [Fact]
    public void WhenACompletedCallLastedNoTime_ThenItIsSuggestedAsNoAnswer() =>
        Assert.Equal("no-answer", CallOutcomes.Suggest("completed", null, 0));

    [Theory]
    [InlineData("queued")]
    [InlineData("ringing")]
    [InlineData("in-progress")]
    public void WhenTheCallIsStillLive_ThenNothingIsSuggested(string status) =>
        Assert.Null(CallOutcomes.Suggest(status, "human"));

    [Fact]
    public void WhenOutcomesAreListed_ThenTheyAreTheEightTheDialerOffers() =>
        Assert.Equal(["connected", "left-voicemail", "no-answer", "busy", "bad-number", "not-interested", "do-not-call", "appointment-set"], CallOutcomes.All);
}
