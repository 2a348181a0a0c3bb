using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Winnerr.Sms.Core.Messaging;
using Winnerr.Sms.Core.Suggestions;
using Winnerr.Sms.Tests.TestSupport;

namespace Winnerr.Sms.Tests.Integration;

/// <summary>Suggestions through the real app: signed webhooks in, the endpoint a real HTTP server, the embedded model shared.</summary>
public sealed class SuggestionTests : IAsyncLifetime
{
    private OpenAiChatStub _stub = null!;

    public async Task InitializeAsync() => _stub = await OpenAiChatStub.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    private SmsAppFactory App(bool endpoint)
    {
        var app = new SmsAppFactory().WithSuggestions();
        if (endpoint)
        {
            app.Settings["Ai:Endpoint"] = _stub.Endpoint;
            app.Settings["Ai:Model"] = "stub-model";
            app.Settings["Ai:ApiKey"] = "test-key";
            app.Settings["Ai:TimeoutSeconds"] = "1";
        }
        return app;
    }

    private static async Task<long> TextInAsync(SmsAppFactory app, string from, string body, string to = SmsAppFactory.AgentNumber)
    {
        using var client = app.CreateClient();
        using var response = await client.SendAsync(app.SignedPost("/webhooks/twilio/sms", SmsAppFactory.InboundForm(from, body, to: to)));
        response.EnsureSuccessStatusCode();
        await using var db = await app.DbAsync();
        return await db.Conversations.Where(c => c.Contact.Phone == from && c.AgentNumber == to).Select(c => c.Id).SingleAsync();
    }

    private static async Task<SuggestionSet> SuggestAsync(SmsAppFactory app, long agentId, long conversationId)
    {
        await app.Services.GetRequiredService<SuggestionModel>().Loaded.WaitAsync(TimeSpan.FromSeconds(60));
        var set = await app.Services.GetRequiredService<SuggestionService>().SuggestAsync(agentId, conversationId);
        Assert.NotNull(set);
        return set;
    }

    [Fact]
    public async Task WhenAnEndpointIsConfigured_ThenTheStubEndpointsAnswerIsUsed()
    {
        await using var app = App(endpoint: true);
        var agentId = await app.AgentIdAsync(SmsAppFactory.AgentEmail);
        var conversationId = await TextInAsync(app, "+12125550147", "Can I see the house Saturday?");

        var set = await SuggestAsync(app, agentId, conversationId);

        Assert.Equal(["Happy to show it! What day works for you?"], set.Items.Select(i => i.Text));
        Assert.Equal("model", set.Items[0].Source);
        var request = Assert.Single(_stub.Requests).RootElement;
        Assert.Equal("stub-model", request.GetProperty("model").GetString());
        var messages = request.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal("system", messages[0].GetProperty("role").GetString());
        Assert.Contains("Never invent", messages[0].GetProperty("content").ToString());
        Assert.Contains(messages, m => m.GetProperty("role").GetString() == "user" && m.GetProperty("content").ToString().Contains("Can I see the house Saturday?"));
        Assert.Equal("json_schema", request.GetProperty("response_format").GetProperty("type").GetString());
    }

    public static TheoryData<string> BadAnswers => ["slow", "error", "empty", "blank"];

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task WhenTheEndpointIsSlowFailsOrAnswersNothing_ThenTheEmbeddedEngineAnswers(string answer)
    {
        _stub.Reply(answer switch
        {
            "slow" => ChatStubReply.Slow(TimeSpan.FromSeconds(10)),
            "error" => ChatStubReply.Error(),
            "empty" => ChatStubReply.Empty(),
            _ => ChatStubReply.EmptyContent(),
        });
        await using var app = App(endpoint: true);
        var agentId = await app.AgentIdAsync(SmsAppFactory.AgentEmail);
        var conversationId = await TextInAsync(app, "+12125550147", "Can I see the house Saturday?");
        await app.Services.GetRequiredService<SuggestionModel>().Loaded.WaitAsync(TimeSpan.FromSeconds(60));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var set = await SuggestAsync(app, agentId, conversationId);

        Assert.NotEmpty(set.Items);
        Assert.All(set.Items, i => Assert.NotEqual("model", i.Source));
        Assert.Equal("schedule_showing", set.Items[0].Intent);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        // A slow answer may be given up on before the stub has even read the request: only the others are sure to be counted.
        if (answer != "slow") Assert.Single(_stub.Requests);
    }

    [Theory]
    [InlineData("STOP")]
    [InlineData("HELP")]
    [InlineData("please stop texting me")]
    public async Task WhenTheTextIsAKeywordOrARevocation_ThenNothingIsSuggested(string body)
    {
        await using var app = App(endpoint: true);
        var agentId = await app.AgentIdAsync(SmsAppFactory.AgentEmail);
        var conversationId = await TextInAsync(app, "+12125550147", body);

        var set = await SuggestAsync(app, agentId, conversationId);

        Assert.Empty(set.Items);
        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task WhenTheContactOptedOut_ThenTheirNextTextGetsNoSuggestions()
    {
        await using var app = App(endpoint: false);
        var agentId = await app.AgentIdAsync(SmsAppFactory.AgentEmail);
        await TextInAsync(app, "+12125550147", "STOP");
        var conversationId = await TextInAsync(app, "+12125550147", "Is the house still available?");

        var set = await SuggestAsync(app, agentId, conversationId);

        Assert.Empty(set.Items);
    }

    [Fact]
    public async Task WhenAnAgentAnsweredALikeTextBefore_ThenTheirReplyIsSuggestedToThem_AndNeverToAnotherAgent()
    {
        await using var app = App(endpoint: false);
        var alex = await app.AgentIdAsync(SmsAppFactory.AgentEmail);
        var bo = await app.CreateAgentAsync("bo@winnerr.test", "Bo Chen", "+15005550009");
        const string reply = "Good one! Let me ask the sellers and circle back today.";
        var first = await TextInAsync(app, "+12125550111", "Is the garage heated?");
        var sent = await app.Services.GetRequiredService<OutboundSmsService>().SendAsync(alex, first, reply, null);
        Assert.Equal(Winnerr.Sms.Core.Conversations.Commands.WriteOutcome.Done, sent.Outcome);

        var alexAgain = await TextInAsync(app, "+12125550122", "is the garage heated?");
        var toBo = await TextInAsync(app, "+12125550133", "is the garage heated?", to: "+15005550009");

        var forAlex = await SuggestAsync(app, alex, alexAgain);
        var forBo = await SuggestAsync(app, bo, toBo);

        Assert.Contains(forAlex.Items, i => i.Text == reply && i.Source == "history");
        Assert.NotEmpty(forBo.Items);
        Assert.DoesNotContain(forBo.Items, i => i.Text.Contains("circle back") || i.Source == "history");
    }

    [Fact]
    public async Task WhenTheConversationIsAnotherAgents_ThenNothingIsReturned()
    {
        await using var app = App(endpoint: false);
        var bo = await app.CreateAgentAsync("bo@winnerr.test", "Bo Chen", "+15005550009");
        var alexs = await TextInAsync(app, "+12125550111", "Is it still available?");

        Assert.Null(await app.Services.GetRequiredService<SuggestionService>().SuggestAsync(bo, alexs));
    }
}
