namespace Winnerr.Sms.Core.Suggestions;

/// <summary>A message of the conversation as the engines see it (oldest first).</summary>
public sealed record TurnView(long Id, MessageDirection Direction, string Body, DateTimeOffset At, string? Keyword = null, bool FlaggedRevocation = false);

/// <summary>What the record knows about the contact: the only facts a suggestion may state.</summary>
public sealed record ContactFacts(string? FirstName, string? PropertyAddress, DateTimeOffset? ShowingAt, string? TimeZone, bool IsOptedOut, bool RevocationPending)
{
    public static ContactFacts From(Contact c) => new(c.FirstName, c.PropertyAddress, c.ShowingAt, c.TimeZone, c.IsOptedOut, c.RevocationFlaggedAt is not null);
}

/// <summary>Everything a suggestion is made from: the agent, the contact's facts and the last ≤ 10 messages.</summary>
public sealed record SuggestionInput(long AgentId, string AgentName, long ConversationId, ContactFacts Contact, IReadOnlyList<TurnView> Turns)
{
    public const int MaxTurns = 10;

    public TurnView? Last => Turns.Count == 0 ? null : Turns[^1];

    /// <summary>The contact's latest texts since the agent last wrote (at most 3), oldest first: "hi" + "is it still available?" read together.</summary>
    public IReadOnlyList<TurnView> InboundRun()
    {
        var run = new List<TurnView>();
        for (var i = Turns.Count - 1; i >= 0 && Turns[i].Direction == MessageDirection.Inbound && run.Count < 3; i--) run.Insert(0, Turns[i]);
        return run;
    }

    /// <summary>The agent's last text before the contact's latest run, if any.</summary>
    public TurnView? AgentTurnBeforeRun()
    {
        var i = Turns.Count - 1;
        while (i >= 0 && Turns[i].Direction == MessageDirection.Inbound) i--;
        return i >= 0 ? Turns[i] : null;
    }
}
