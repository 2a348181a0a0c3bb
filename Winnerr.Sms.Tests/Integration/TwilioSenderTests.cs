using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Winnerr.Sms.Core.Messaging;
using Winnerr.Sms.Core.Messaging.TwilioHttp;
using Winnerr.Sms.Tests.TestSupport;

namespace Winnerr.Sms.Tests.Integration;

/// <summary>The Twilio sender, built by AddTwilioSender, against a real HTTP stub of Twilio's Messages API.</summary>
public class TwilioSenderTests : IAsyncLifetime
{
    private const string Agent = "+15005550006";
    private const string Contact = "+12125550147";
    private const string ServiceSid = "MG00000000000000000000000000000001";
    private static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(100);

    private TwilioApiStub _stub = null!;
    private ServiceProvider? _services;

    public async Task InitializeAsync() => _stub = await TwilioApiStub.StartAsync();

    public async Task DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        await _stub.DisposeAsync();
    }

    private TwilioSmsSender Sender(string? messagingServiceSid = null, TimeSpan? requestTimeout = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.Configure<TwilioOptions>(o =>
        {
            o.AccountSid = TwilioApiStub.AccountSid;
            o.AuthToken = "stub-auth-token";
            o.PhoneNumber = Agent;
            o.MessagingServiceSid = messagingServiceSid;
            o.ApiBaseUrl = _stub.BaseUrl.ToString();
            o.RetryBaseDelay = BaseDelay;
            o.RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(5);
        });
        services.AddSingleton<IStatusCallbackUrls, CallbackUrls>();
        services.AddTwilioSender();
        _services = services.BuildServiceProvider();
        return _services.GetRequiredService<TwilioSmsSender>();
    }

    private static OutboundSms Sms(string body = "Showing confirmed for Saturday 2 PM") => new(42, Agent, Contact, body);

    [Fact]
    public async Task WhenTwilioAnswers429ThenCreated_ThenTheSendIsAcceptedAfterOneBackedOffRetry()
    {
        _stub.ReplyToPosts(StubReply.Error(429, 20429), StubReply.Created("SM429then201"));

        var result = await Sender().SendAsync(Sms());

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.Equal("SM429then201", result.Sid);
        Assert.Equal(MessageStatus.Queued, result.Status);
        var posts = _stub.Posts;
        Assert.Equal(2, posts.Count);
        Assert.True(Stopwatch.GetElapsedTime(posts[0].Timestamp, posts[1].Timestamp) >= BaseDelay);
    }

    [Fact]
    public async Task WhenTwilioKeepsAnswering429_ThenTheSendIsRetryableAfterTheBoundedAttempts()
    {
        _stub.ReplyToPosts(Enumerable.Repeat(StubReply.Error(429, 20429), 10).ToArray());

        var sender = Sender();
        var result = await sender.SendAsync(Sms());

        Assert.Equal(SendOutcome.Retryable, result.Outcome);
        Assert.Equal(20429, result.ErrorCode);
        Assert.Equal(1 + new TwilioOptions().MaxRetries, _stub.Posts.Count);
    }

    [Fact]
    public async Task WhenTheRecipientOptedOut_ThenTheSendIsFinalAfterOnePost()
    {
        _stub.ReplyToPosts(StubReply.Error(400, 21610));

        var result = await Sender().SendAsync(Sms());

        Assert.Equal(SendOutcome.Final, result.Outcome);
        Assert.Equal(21610, result.ErrorCode);
        Assert.Null(result.Sid);
        Assert.Single(_stub.Posts);
    }

    [Theory]
    [InlineData(500, 20500)]
    [InlineData(500, null)]
    [InlineData(502, null)]
    [InlineData(503, null)]
    public async Task WhenTwilioFailsWith5xx_ThenTheSendIsUnknownAndNeverResent(int status, int? code)
    {
        _stub.ReplyToPosts(StubReply.Error(status, code));

        var result = await Sender().SendAsync(Sms());

        Assert.Equal(SendOutcome.Unknown, result.Outcome);
        Assert.Single(_stub.Posts);
    }

    [Theory]
    [InlineData(400, 30034)]
    [InlineData(400, 21408)]
    [InlineData(401, 20003)]
    [InlineData(400, 21606)]
    public async Task WhenTheAccountOrSenderIsMisconfigured_ThenTheSendIsConfiguration(int status, int code)
    {
        _stub.ReplyToPosts(StubReply.Error(status, code));

        var result = await Sender().SendAsync(Sms());

        Assert.Equal(SendOutcome.Configuration, result.Outcome);
        Assert.Equal(code, result.ErrorCode);
        Assert.Single(_stub.Posts);
    }

    [Theory]
    [InlineData(401, SendOutcome.Configuration)]
    [InlineData(404, SendOutcome.Final)]
    public async Task WhenTheErrorBodyIsNotTwilios_ThenTheHttpStatusStillDecides(int status, SendOutcome expected)
    {
        _stub.ReplyToPosts(StubReply.Error(status));

        var result = await Sender().SendAsync(Sms());

        Assert.Equal(expected, result.Outcome);
        Assert.Null(result.ErrorCode);
        Assert.Single(_stub.Posts);
    }

    [Fact]
    public async Task WhenTheCallerCancels_ThenTheSendThrowsRatherThanReportingAnOutcome()
    {
        _stub.ReplyToPosts(StubReply.NoAnswer());
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Sender(requestTimeout: TimeSpan.FromMilliseconds(500)).SendAsync(Sms(), cancel.Token));
    }

    [Fact]
    public async Task WhenTwilioNeverAnswers_ThenTheSendIsUnknownAfterTheRequestTimeoutAndNotResent()
    {
        _stub.ReplyToPosts(StubReply.NoAnswer(), StubReply.Created());
        var timeout = TimeSpan.FromMilliseconds(300);
        var started = Stopwatch.GetTimestamp();

        var result = await Sender(requestTimeout: timeout).SendAsync(Sms());

        Assert.Equal(SendOutcome.Unknown, result.Outcome);
        Assert.InRange(Stopwatch.GetElapsedTime(started), timeout, TimeSpan.FromSeconds(2));
        Assert.Single(_stub.Posts);
    }

    [Fact]
    public async Task WhenSendingFromANumber_ThenThePostCarriesToFromBodyAndStatusCallback()
    {
        var result = await Sender().SendAsync(Sms("Is 418 Maple still available? 🏡"));

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        var form = Assert.Single(_stub.Posts).Form;
        Assert.Equal(Contact, form["To"]);
        Assert.Equal(Agent, form["From"]);
        Assert.Equal("Is 418 Maple still available? 🏡", form["Body"]);
        Assert.Equal("https://inbox.example.com/webhooks/twilio/status?mid=42", form["StatusCallback"]);
        Assert.False(form.ContainsKey("MessagingServiceSid"));
    }

    [Fact]
    public async Task WhenAMessagingServiceIsSet_ThenThePostCarriesItInsteadOfFrom()
    {
        await Sender(messagingServiceSid: ServiceSid).SendAsync(Sms());

        var form = Assert.Single(_stub.Posts).Form;
        Assert.Equal(ServiceSid, form["MessagingServiceSid"]);
        Assert.False(form.ContainsKey("From"));
        Assert.Equal(Contact, form["To"]);
    }

    [Fact]
    public async Task WhenReconciling_ThenTheNewestUnknownMessageWithTheSameBodySinceTheClaimIsFound()
    {
        var since = DateTimeOffset.UtcNow.AddMinutes(-5);
        var sms = Sms();
        _stub.Messages.Add(new StubMessage("SMotherbody", "Different text", Agent, Contact, since.AddMinutes(1)));
        _stub.Messages.Add(new StubMessage("SMknown", sms.Body, Agent, Contact, since.AddMinutes(3)));
        _stub.Messages.Add(new StubMessage("SMbefore", sms.Body, Agent, Contact, since.AddMinutes(-10)));
        _stub.Messages.Add(new StubMessage("SMothersender", sms.Body, "+15005550009", Contact, since.AddMinutes(4)));
        _stub.Messages.Add(new StubMessage("SMolder", sms.Body, Agent, Contact, since.AddSeconds(30)));
        _stub.Messages.Add(new StubMessage("SMwanted", sms.Body, Agent, Contact, since.AddMinutes(2), Status: "sent"));

        var found = await Sender().FindAcceptedAsync(sms, since, new HashSet<string> { "SMknown" });

        Assert.Equal(new ProviderMessage("SMwanted", "sent"), found);
        var query = Assert.Single(_stub.Gets).Query;
        Assert.Equal(Contact, query["To"]);
        Assert.Equal(Agent, query["From"]);
    }

    [Fact]
    public async Task WhenReconcilingAndNothingMatches_ThenNoMessageIsFound()
    {
        var since = DateTimeOffset.UtcNow.AddMinutes(-5);
        var sms = Sms();
        _stub.Messages.Add(new StubMessage("SMotherbody", "Different text", Agent, Contact, since.AddMinutes(1)));
        _stub.Messages.Add(new StubMessage("SMknown", sms.Body, Agent, Contact, since.AddMinutes(3)));
        _stub.Messages.Add(new StubMessage("SMbefore", sms.Body, Agent, Contact, since.AddMinutes(-10)));

        var found = await Sender().FindAcceptedAsync(sms, since, new HashSet<string> { "SMknown" });

        Assert.Null(found);
    }

    [Fact]
    public async Task WhenReconcilingThroughAMessagingService_ThenAnyPoolNumberOfThatServiceMatches()
    {
        var since = DateTimeOffset.UtcNow.AddMinutes(-5);
        var sms = Sms();
        _stub.Messages.Add(new StubMessage("SMpool", sms.Body, "+15005550009", Contact, since.AddMinutes(1), ServiceSid));
        _stub.Messages.Add(new StubMessage("SMotherservice", sms.Body, Agent, Contact, since.AddMinutes(2), "MG00000000000000000000000000000002"));

        var found = await Sender(messagingServiceSid: ServiceSid).FindAcceptedAsync(sms, since, new HashSet<string>());

        Assert.Equal("SMpool", found?.Sid);
        Assert.False(Assert.Single(_stub.Gets).Query.ContainsKey("From"));
    }

    [Fact]
    public async Task WhenAReadFailsWith503_ThenItIsRetriedBecauseReadsAreSafeToRepeat()
    {
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        var sms = Sms();
        _stub.Messages.Add(new StubMessage("SMwanted", sms.Body, Agent, Contact, since.AddSeconds(5)));
        _stub.ReplyToGets(StubReply.Error(503));

        var found = await Sender().FindAcceptedAsync(sms, since, new HashSet<string>());

        Assert.Equal("SMwanted", found?.Sid);
        Assert.Equal(2, _stub.Gets.Count);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", "http://127.0.0.1:5080/2010-04-01/Accounts/AC1/Messages.json?To=%2B1")]
    [InlineData("http://mock:4010/twilio/", "http://mock:4010/twilio/2010-04-01/Accounts/AC1/Messages.json?To=%2B1")]
    public void WhenApiBaseUrlIsSet_ThenTwilioRequestsAreRebasedOntoIt(string baseUrl, string expected) =>
        Assert.Equal(expected, TwilioApiBaseUrlHandler.Rebase(
            new Uri(baseUrl), new Uri("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json?To=%2B1")).ToString());

    private sealed class CallbackUrls : IStatusCallbackUrls
    {
        public Uri For(long messageId) => new($"https://inbox.example.com/webhooks/twilio/status?mid={messageId}");
    }
}
