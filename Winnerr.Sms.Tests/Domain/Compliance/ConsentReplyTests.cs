using Winnerr.Sms.Core.Compliance;

namespace Winnerr.Sms.Tests.Domain.Compliance;

public class ConsentReplyTests
{
    private static readonly DateTimeOffset Asked = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromDays(30);

    [Theory]
    [InlineData("YES", 1, true)]
    [InlineData(" yes ", 1, true)]
    [InlineData("Start", 2, true)]
    [InlineData("Y", 1, true)]
    [InlineData("YES", 31, false)]          // past the window
    [InlineData("yes please call me", 1, false)] // not a reply to the request, just a message
    [InlineData("NO", 1, false)]
    public void OnlyAYesToAPendingRequestInsideTheWindowCounts(string body, int daysLater, bool counts)
    {
        Assert.Equal(counts, ConsentReply.AnswersRequest(body, Asked, Asked.AddDays(daysLater), Window));
    }

    [Fact]
    public void WhenNoRequestIsPending_ThenYesIsAnOrdinaryMessage()
    {
        Assert.False(ConsentReply.AnswersRequest("YES", null, Asked, Window));
    }
}
