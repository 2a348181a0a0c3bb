using Winnerr.Sms.Core.Dialer;

namespace Winnerr.Sms.Tests.Domain.Dialer;

public class CallStatusTests
{
    private static string Apply(params string[] callbacks)
    {
        var state = CallStatuses.Queued;
        foreach (var status in callbacks) state = CallStatuses.Advance(state, status) ?? state;
        return state;
    }

    [Fact]
    public void WhenCallbacksArriveInOrder_ThenTheCallFollowsThem() =>
        Assert.Equal("completed", Apply("initiated", "ringing", "in-progress", "completed"));

    [Theory]
    [InlineData("completed", "ringing", "in-progress")]
    [InlineData("in-progress", "ringing", "initiated")]
    [InlineData("no-answer", "ringing")]
    [InlineData("busy", "initiated", "ringing")]
    public void WhenCallbacksArriveOutOfOrder_ThenTheCallNeverMovesBackwards(params string[] callbacks) =>
        Assert.Equal(Apply(callbacks[0]), Apply(callbacks));

    [Fact]
    public void WhenAFinalStatusIsFollowedByAnotherFinalStatus_ThenTheFirstStands() =>
        Assert.Equal("no-answer", Apply("ringing", "no-answer", "completed", "canceled"));

    [Fact]
    public void WhenTheSameStatusArrivesTwice_ThenTheSecondChangesNothing()
    {
        Assert.Equal("ringing", CallStatuses.Advance("queued", "ringing"));
        Assert.Null(CallStatuses.Advance("ringing", "ringing"));
    }

    [Theory]
    [InlineData("initiated", "queued")]
    [InlineData("answered", "in-progress")]
    [InlineData("Ringing", "ringing")]
    [InlineData("bogus", null)]
    [InlineData("", null)]
    public void WhenTwilioNamesAnEvent_ThenItReadsAsACallStatus(string incoming, string? expected) =>
        Assert.Equal(expected, CallStatuses.Normalize(incoming));

    [Fact]
    public void WhenAnUnknownStatusArrives_ThenItIsIgnored() => Assert.Null(CallStatuses.Advance("ringing", "exploded"));
}
