using System.Net;
using Polly;
using Winnerr.Sms.Core.Messaging;
using Winnerr.Sms.Core.Messaging.TwilioHttp;

namespace Winnerr.Sms.Tests.Domain;

/// <summary>The outbox acts on these outcomes, so each code in COMPLIANCE.md's Twilio table is pinned here.</summary>
public class TwilioErrorClassificationTests
{
    public static TheoryData<int?, int?, SendOutcome> Table => new()
    {
        { null, 429, SendOutcome.Retryable },
        { 20429, 429, SendOutcome.Retryable },
        { 30001, null, SendOutcome.Retryable },
        { 21611, 400, SendOutcome.Retryable },
        { null, 500, SendOutcome.Unknown },
        { null, 502, SendOutcome.Unknown },
        { null, 503, SendOutcome.Unknown },
        { 20500, 500, SendOutcome.Unknown },
        { null, 408, SendOutcome.Unknown },
        { null, null, SendOutcome.Unknown },
        { 30003, null, SendOutcome.Final },
        { 30008, null, SendOutcome.Final },
        { 21610, 400, SendOutcome.Final },
        { 21211, 400, SendOutcome.Final },
        { 21614, 400, SendOutcome.Final },
        { 21612, 400, SendOutcome.Final },
        { 21617, 400, SendOutcome.Final },
        { 30004, null, SendOutcome.Final },
        { 30005, null, SendOutcome.Final },
        { 30006, null, SendOutcome.Final },
        { 30007, null, SendOutcome.Final },
        { 30034, 400, SendOutcome.Configuration },
        { 30034, null, SendOutcome.Configuration },
        { 30032, null, SendOutcome.Configuration },
        { 21408, 400, SendOutcome.Configuration },
        { 20003, 401, SendOutcome.Configuration },
        { 21606, 400, SendOutcome.Configuration },
        { 21659, 400, SendOutcome.Configuration },
        { 21660, 400, SendOutcome.Configuration },
        { 21212, 400, SendOutcome.Configuration },
        { null, 401, SendOutcome.Configuration },
        { 21999, 400, SendOutcome.Final },
        { null, 404, SendOutcome.Final },
        { 39999, null, SendOutcome.Final },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void WhenTwilioReportsAnError_ThenItIsClassifiedAsTheOutboxMustAct(int? code, int? httpStatus, SendOutcome expected) =>
        Assert.Equal(expected, TwilioErrors.Classify(code, httpStatus));

    [Theory]
    [InlineData(21211, false)]
    [InlineData(21610, false)]
    [InlineData(21614, false)]
    [InlineData(30005, false)]
    [InlineData(30006, false)]
    [InlineData(30007, false)]
    [InlineData(21617, false)]
    [InlineData(30003, true)]
    [InlineData(30008, true)]
    [InlineData(20429, true)]
    [InlineData(21611, true)]
    [InlineData(30034, true)]
    [InlineData(39999, true)]
    [InlineData(null, true)]
    public void WhenAskedWhetherRetryCanHelp_ThenOnlyRecipientFinalErrorsSayNo(int? code, bool expected) =>
        Assert.Equal(expected, TwilioErrors.RetryCanHelp(code));

    public static TheoryData<int> ListedCodes => new(
        20429, 30001, 21611, 30003, 30008, 21610, 21211, 21614, 21612, 21617, 30004, 30005, 30006, 30007,
        30034, 30032, 21408, 20003, 21606, 21659, 21660, 21212);

    [Theory]
    [MemberData(nameof(ListedCodes))]
    public void WhenAListedCodeIsDescribed_ThenTheReasonIsOurOwnPlainSentence(int code)
    {
        var reason = TwilioErrors.Describe(code, "provider text");
        Assert.NotEqual("provider text", reason);
        Assert.DoesNotContain(code.ToString(), reason);
        Assert.EndsWith(".", reason);
    }

    [Fact]
    public void WhenACodeMeansConfiguration_ThenItsReasonSaysWhatAnAdminMustDo()
    {
        var configuration = TwilioErrors.KnownCodes.Where(c => TwilioErrors.Classify(c, 400) == SendOutcome.Configuration).ToList();
        Assert.NotEmpty(configuration);
        Assert.All(configuration, c => Assert.Contains("An admin must", TwilioErrors.Describe(c)));
        Assert.Contains("A2P 10DLC", TwilioErrors.Describe(30034));
    }

    [Theory]
    [InlineData("POST", 429, true)]
    [InlineData("POST", 500, false)]
    [InlineData("POST", 503, false)]
    [InlineData("POST", 400, false)]
    [InlineData("GET", 429, true)]
    [InlineData("GET", 500, true)]
    [InlineData("GET", 503, true)]
    [InlineData("GET", 404, false)]
    public void WhenTwilioAnswers_ThenOnlyUnprocessedRequestsAreRetriedByTheHandler(string method, int status, bool retried)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);
        Assert.Equal(retried, TwilioResilience.ShouldRetry(new HttpMethod(method), Outcome.FromResult(response)));
    }

    [Theory]
    [InlineData("POST", false)]
    [InlineData("GET", true)]
    public void WhenTheConnectionFailsOrTimesOut_ThenOnlyReadsAreRetriedByTheHandler(string method, bool retried)
    {
        Assert.Equal(retried, TwilioResilience.ShouldRetry(new HttpMethod(method), Outcome.FromException<HttpResponseMessage>(new HttpRequestException("reset"))));
        Assert.Equal(retried, TwilioResilience.ShouldRetry(new HttpMethod(method), Outcome.FromException<HttpResponseMessage>(new Polly.Timeout.TimeoutRejectedException())));
    }

    [Theory]
    [InlineData(0, 0.0, 100)]
    [InlineData(0, 0.999, 149)]
    [InlineData(1, 0.0, 200)]
    [InlineData(2, 0.5, 500)]
    public void WhenRetrying_ThenTheDelayDoublesAndJitterOnlyAdds(int attempt, double random, int expectedMs) =>
        Assert.Equal(expectedMs, (int)TwilioResilience.Delay(TimeSpan.FromMilliseconds(100), attempt, random).TotalMilliseconds);
}
