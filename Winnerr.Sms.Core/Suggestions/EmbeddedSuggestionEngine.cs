using System.Text.RegularExpressions;

namespace Winnerr.Sms.Core.Suggestions;

/// <summary>
/// The default engine, on this machine with no network: the text (and the contact's run of texts) embedded with
/// MiniLM, ranked against the intent library and this agent's own past replies, shaped by the conversation.
/// </summary>
public sealed partial class EmbeddedSuggestionEngine(SuggestionModel model, EmbeddingStore store, AgentHistory history, SuggestionFeedbackLog feedback,
    IOptions<RankerOptions> options)
{
    public bool IsReady => model.Current is not null;

    /// <summary>Null while the model is loading; otherwise the suggestions (possibly none).</summary>
    public async Task<IReadOnlyList<Suggestion>?> SuggestAsync(SuggestionInput input, CancellationToken ct = default)
    {
        if (model.Current is not { } loaded) return null;
        var past = await history.GetAsync(loaded, input.AgentId, ct);
        var boosts = await feedback.BoostsAsync(input.AgentId);
        return await SuggestAsync(loaded, texts => store.GetAsync(loaded.Generator, texts, ct), input, past, boosts, options.Value);
    }

    /// <summary>The engine without storage: what the evaluation command runs.</summary>
    public static async Task<IReadOnlyList<Suggestion>> SuggestAsync(LoadedModel loaded, Func<IReadOnlyList<string>, Task<float[][]>> embed,
        SuggestionInput input, IReadOnlyList<HistoryReply> history, IReadOnlyDictionary<string, double> boosts, RankerOptions options)
    {
        var run = input.InboundRun();
        if (run.Count == 0) return [];
        var last = run[^1].Body.Trim();
        var texts = new List<string> { last };
        if (run.Count > 1) texts.Add(string.Join(" ", run.Select(t => t.Body.Trim())));
        var vectors = await embed(texts);
        var answered = await AnsweredAsync(loaded, embed, input, options);
        var proposed = ConversationCues.ProposedTime(input.AgentTurnBeforeRun()?.Body);
        var spanish = ConversationCues.IsSpanish(string.Join(" ", run.Select(t => t.Body)));
        var query = new RankQuery(vectors, ConversationCues.IsAffirmation(last), proposed, spanish, IsQuestion(last), answered);
        var ranked = SuggestionRanker.Rank(query, loaded.Intents, history, boosts, options,
            template => ReplyRenderer.Render(template, input.Contact, input.AgentName, proposed));
        return ranked.Select(r => new Suggestion(r.Text, r.Intent, r.ReplyKey, r.Score, r.Source)).ToList();
    }

    /// <summary>Intents the agent already answered earlier in these messages: a contact's text followed by the agent's reply.</summary>
    private static async Task<IReadOnlySet<string>> AnsweredAsync(LoadedModel loaded, Func<IReadOnlyList<string>, Task<float[][]>> embed,
        SuggestionInput input, RankerOptions options)
    {
        var earlier = new List<string>();
        var turns = input.Turns;
        var runStart = turns.Count - input.InboundRun().Count;
        for (var i = 0; i < runStart - 1; i++)
            if (turns[i].Direction == MessageDirection.Inbound && turns[i + 1].Direction == MessageDirection.Outbound && turns[i].Keyword is null)
                earlier.Add(turns[i].Body.Trim());
        if (earlier.Count == 0) return new HashSet<string>();
        var vectors = await embed(earlier);
        return vectors.Select(v => SuggestionRanker.Classify(v, loaded.Intents, options.Threshold)).OfType<string>().ToHashSet();
    }

    public static bool IsQuestion(string text) => text.Contains('?') || text.Contains('¿') || QuestionStart().IsMatch(text);

    [GeneratedRegex(@"^\W*(what|when|where|which|who|why|how|is|are|can|could|do|does|did|any|will|would|should|has|have)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuestionStart();
}
