using Winnerr.Sms.Core.Messaging;

namespace Winnerr.Sms.Tests.Domain;

public class MessageStatusTests
{
    [Theory]
    [InlineData("queued", "sent", true)]
    [InlineData("queued", "delivered", true)]
    [InlineData("sent", "delivered", true)]
    [InlineData("sending", "sent", true)]
    [InlineData("accepted", "queued", true)]
    [InlineData("sent", "failed", true)]
    [InlineData("sent", "undelivered", true)]
    [InlineData("delivered", "read", true)]
    [InlineData("delivered", "sent", false)]
    [InlineData("delivered", "queued", false)]
    [InlineData("sent", "queued", false)]
    [InlineData("sent", "sent", false)]
    [InlineData("delivered", "failed", false)]
    [InlineData("failed", "delivered", false)]
    [InlineData("undelivered", "sent", false)]
    [InlineData("queued", "nonsense", false)]
    [InlineData("SENT", "Delivered", true)]
    public void WhenStatusesArriveInAnyOrder_ThenOnlyForwardMovesApply(string current, string next, bool expected)
    {
        Assert.Equal(expected, MessageStatus.CanAdvance(current, next));
    }

    [Fact]
    public void WhenErrorCodeIsKnown_ThenReasonIsReadable()
    {
        Assert.Contains("opted out", TwilioErrors.Describe(21610));
        Assert.Contains("not a valid phone number", TwilioErrors.Describe(21211));
        Assert.Equal("Carrier said no", TwilioErrors.Describe(39999, "Carrier said no"));
        Assert.Equal("Twilio error 39999.", TwilioErrors.Describe(39999));
    }
}
