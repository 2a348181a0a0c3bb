namespace Winnerr.Sms.Core.Suggestions;

/// <summary>
/// One suggested reply, ready for the compose box (tokens already filled for the contact).
/// <paramref name="ReplyKey"/> names the reply across suggestions ("availability#0", "history#123") so a click can raise its rank.
/// </summary>
public sealed record Suggestion(string Text, string Intent, string ReplyKey, double Score, string Source);

/// <summary>Suggestions for a conversation's latest inbound text (<paramref name="MessageId"/>); empty means none.</summary>
public sealed record SuggestionSet(long ConversationId, long MessageId, IReadOnlyList<Suggestion> Items)
{
    public static SuggestionSet None(long conversationId, long messageId) => new(conversationId, messageId, []);
}

/// <summary>Suggestions were computed for a text the agent may have open; published after the webhook was answered.</summary>
public sealed record SuggestionsReady(long AgentId, SuggestionSet Suggestions) : InboxEvent(AgentId);
