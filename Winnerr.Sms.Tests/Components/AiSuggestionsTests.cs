using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Winnerr.Sms.App.Components;
using Winnerr.Sms.App.Components.Inbox;
using Winnerr.Sms.App.Components.Suggestions;
using Winnerr.Sms.App.Store.InboxFeature;
using Winnerr.Sms.Core.Contacts;
using Winnerr.Sms.Core.Conversations;
using Winnerr.Sms.Core.Messaging;
using Winnerr.Sms.Core.Suggestions;
using Winnerr.Sms.Tests.TestSupport;

namespace Winnerr.Sms.Tests.Components;

/// <summary>The suggestions strip in the open conversation: a click fills the box and never sends.</summary>
public class AiSuggestionsTests : InboxComponentTestBase
{
    private static readonly ThreadSummary Maria = new(1, 10, "Maria Lopez", "+12125550147", "", Now, 0, false, ContactConsentState.Transactional);
    private readonly FakeFeed _feed = new();

    public AiSuggestionsTests() => Ctx.Services.AddSingleton<ISuggestionFeed>(_feed);

    private static MessageView Text(long id, string body, MessageDirection direction = MessageDirection.Inbound) =>
        new(id, 1, direction, body, direction == MessageDirection.Inbound ? MessageStatus.Received : MessageStatus.Delivered, null, null, Now.AddMinutes(id));

    private IRenderedComponent<CascadingValue<ClientTime>> Render(params MessageView[] messages) =>
        Ctx.Render<CascadingValue<ClientTime>>(p => p
            .Add(x => x.Value, ClientTime.Utc)
            .AddChildContent<ConversationPane>(c => c.Add(x => x.State, new InboxState { OpenConversationId = 1, OpenThread = Maria, OpenMessages = [.. messages] })));

    [Fact]
    public void WhenASuggestionIsClicked_ThenItFillsTheBoxAndNothingIsSent()
    {
        _feed.Set = new SuggestionSet(1, 2, [
            new Suggestion("I'd love to show it to you, Maria! What day and time work best?", "schedule_showing", "schedule_showing#0", 0.8, "library"),
            new Suggestion("Thanks, Maria! Let me check and get back to you shortly.", "follow_up", "follow_up#0", 0.4, "library"),
        ]);
        var cut = Render(Text(1, "Hi"), Text(2, "Can I see it Saturday?"));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=ai-suggestions] [data-testid=ai-suggestion]").Count));
        cut.FindAll("[data-testid=ai-suggestion]")[0].Click();

        cut.WaitForAssertion(() => Assert.Equal("I'd love to show it to you, Maria! What day and time work best?",
            cut.Find("textarea[data-testid=compose-input]").GetAttribute("value")));
        Assert.False(cut.Find("[data-testid=compose-send]").HasAttribute("disabled"));
        Assert.Equal(["schedule_showing#0"], _feed.Clicks);
        Assert.Empty(cut.FindAll("[data-testid=send-error]"));
    }

    [Fact]
    public void WhenTheAgentWroteLast_ThenNoSuggestionsShow()
    {
        _feed.Set = new SuggestionSet(1, 2, [new Suggestion("Old suggestion", "thanks", "thanks#0", 0.8, "library")]);

        var cut = Render(Text(2, "Thanks!"), Text(3, "You're welcome!", MessageDirection.Outbound));

        Assert.Empty(cut.FindAll("[data-testid=ai-suggestions]"));
    }

    [Fact]
    public void WhenSuggestionsArePushedForTheOpenText_ThenTheyAppear()
    {
        var cut = Render(Text(7, "Is it still available?"));
        Assert.Empty(cut.FindAll("[data-testid=ai-suggestion]"));

        _feed.Push(new SuggestionSet(1, 7, [new Suggestion("Let me confirm it's still available.", "availability", "availability#0", 0.9, "library")]));

        cut.WaitForAssertion(() => Assert.Equal("Let me confirm it's still available.", cut.Find("[data-testid=ai-suggestion]").TextContent));
    }

    private sealed class FakeFeed : ISuggestionFeed
    {
        private Func<SuggestionSet, Task>? _onReady;
        public SuggestionSet? Set { get; set; }
        public List<string> Clicks { get; } = [];

        public Task<SuggestionSet?> GetAsync(long agentId, long conversationId, CancellationToken ct = default) => Task.FromResult(Set);

        public IDisposable Subscribe(long agentId, long conversationId, Func<SuggestionSet, Task> onReady)
        {
            _onReady = onReady;
            return new Unsubscribe(() => _onReady = null);
        }

        public void Push(SuggestionSet set) => _onReady?.Invoke(set);

        public Task RecordClickAsync(long agentId, long conversationId, Suggestion suggestion)
        {
            Clicks.Add(suggestion.ReplyKey);
            return Task.CompletedTask;
        }

        private sealed class Unsubscribe(Action action) : IDisposable
        {
            public void Dispose() => action();
        }
    }
}
