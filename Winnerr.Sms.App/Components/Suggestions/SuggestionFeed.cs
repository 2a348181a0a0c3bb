using Winnerr.Sms.App.Realtime;
using Winnerr.Sms.Core.Suggestions;

namespace Winnerr.Sms.App.Components.Suggestions;

/// <summary>What the suggestions strip needs from the server: the current suggestions, live pushes, and clicks recorded.</summary>
public interface ISuggestionFeed
{
    Task<SuggestionSet?> GetAsync(long agentId, long conversationId, CancellationToken ct = default);
    /// <summary>Marks the conversation open (suggestions are pushed only for open ones) and delivers its pushes.</summary>
    IDisposable Subscribe(long agentId, long conversationId, Func<SuggestionSet, Task> onReady);
    Task RecordClickAsync(long agentId, long conversationId, Suggestion suggestion);
}

public sealed class SuggestionFeed(SuggestionService suggestions, SuggestionWatch watch, InboxNotifier notifier, SuggestionFeedbackLog feedback) : ISuggestionFeed
{
    public Task<SuggestionSet?> GetAsync(long agentId, long conversationId, CancellationToken ct = default) =>
        suggestions.SuggestAsync(agentId, conversationId, ct);

    public IDisposable Subscribe(long agentId, long conversationId, Func<SuggestionSet, Task> onReady)
    {
        var subscription = notifier.Subscribe(agentId, e =>
            e is SuggestionsReady ready && ready.Suggestions.ConversationId == conversationId ? onReady(ready.Suggestions) : Task.CompletedTask);
        var watching = watch.Watch(agentId, conversationId);
        return new Both(subscription, watching);
    }

    public Task RecordClickAsync(long agentId, long conversationId, Suggestion suggestion) =>
        feedback.RecordClickAsync(agentId, conversationId, suggestion);

    private sealed class Both(IDisposable first, IDisposable second) : IDisposable
    {
        public void Dispose()
        {
            first.Dispose();
            second.Dispose();
        }
    }
}
