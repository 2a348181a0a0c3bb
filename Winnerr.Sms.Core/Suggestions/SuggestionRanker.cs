namespace Winnerr.Sms.Core.Suggestions;

/// <summary>Thresholds tuned on the evaluation set (see bench/suggestions and the README).</summary>
public sealed record RankerOptions
{
    /// <summary>The best intent must reach this similarity, or nothing is suggested (the triggering rule).</summary>
    public double Threshold { get; init; } = 0.40;
    /// <summary>Further intents need this much, and at most <see cref="MaxGap"/> below the best.</summary>
    public double Secondary { get; init; } = 0.35;
    public double MaxGap { get; init; } = 0.15;
    /// <summary>A blocking intent (money, legal, steering, abuse, stop) this close to the text silences every suggestion.</summary>
    public double BlockThreshold { get; init; } = 0.45;
    /// <summary>A past inbound text of the agent this similar brings its reply.</summary>
    public double HistoryThreshold { get; init; } = 0.72;
    /// <summary>An intent the agent already answered in this conversation is not answered again blindly.</summary>
    public double RepeatPenalty { get; init; } = 0.85;
    public int Max { get; init; } = 3;
}

/// <summary>An intent with its example texts embedded (unit vectors).</summary>
public sealed record IntentVectors(Intent Intent, float[][] Examples);

/// <summary>A past pair of this agent: what a contact wrote, what the agent answered (already scrubbed of specifics).</summary>
public sealed record HistoryReply(long MessageId, float[] Inbound, string Reply, string? Intent);

/// <summary>The text to answer, embedded, with what the conversation adds.</summary>
public sealed record RankQuery(
    IReadOnlyList<float[]> Vectors,
    bool Affirmation = false,
    string? ProposedTime = null,
    bool Spanish = false,
    bool IsQuestion = false,
    IReadOnlySet<string>? AnsweredIntents = null);

public sealed record Ranked(string Intent, string ReplyKey, string Text, double Score, string Source);

/// <summary>
/// Embed-and-retrieve ranking (Henderson et al. 2017): score every intent by its nearest example, bring in the
/// agent's own replies to texts like this one, keep one reply per intent, and suggest nothing below the threshold
/// or when the text reads as a topic no suggestion may touch. Pure: vectors in, replies out.
/// </summary>
public static class SuggestionRanker
{
    public const string FollowUpIntent = "follow_up";

    public static IReadOnlyList<Ranked> Rank(RankQuery query, IReadOnlyList<IntentVectors> intents, IReadOnlyList<HistoryReply> history,
        IReadOnlyDictionary<string, double> boosts, RankerOptions options, Func<string, string?> render)
    {
        if (query.Vectors.Count == 0) return [];
        var scores = intents.Select(i => (Vectors: i, Score: Best(query.Vectors, i.Examples))).ToList();
        var bestBlock = scores.Where(s => s.Vectors.Intent.Block).Select(s => s.Score).DefaultIfEmpty(0).Max();
        var bestReply = scores.Where(s => !s.Vectors.Intent.Block && !s.Vectors.Intent.ContextOnly).Select(s => s.Score).DefaultIfEmpty(0).Max();
        if (bestBlock >= options.BlockThreshold && bestBlock >= bestReply) return [];

        var answered = query.AnsweredIntents ?? new HashSet<string>();
        var candidates = new List<(string Intent, double Score, List<(string Key, string Template, string Source, double Boost)> Variants)>();
        foreach (var (vectors, raw) in scores)
        {
            var intent = vectors.Intent;
            if (intent.Block || intent.Id == FollowUpIntent) continue;
            var score = raw;
            if (intent.ContextOnly)
            {
                // "yes, that works" after the agent proposed a time confirms that time; never offered otherwise.
                if (!(query.Affirmation && query.ProposedTime is not null)) continue;
                score = 1.05;
            }
            if (answered.Contains(intent.Id)) score *= options.RepeatPenalty;
            var variants = Variants(intent, query.Spanish, boosts);
            candidates.Add((intent.Id, score, variants));
        }

        // The agent's own replies: they join the intent their inbound text reads as, or stand as their own.
        foreach (var past in history)
        {
            var similarity = Best(query.Vectors, [past.Inbound]);
            if (similarity < options.HistoryThreshold) continue;
            var key = $"history#{past.MessageId}";
            var boost = boosts.GetValueOrDefault(key);
            var intentId = past.Intent ?? key;
            var at = candidates.FindIndex(c => c.Intent == intentId);
            // Sounding like the agent is worth a little: the agent's reply leads its intent.
            var variant = (key, past.Reply, "history", boost + 0.05);
            if (at >= 0)
            {
                var c = candidates[at];
                c.Variants.Insert(0, variant);
                candidates[at] = (c.Intent, Math.Max(c.Score, similarity), c.Variants);
            }
            else if (candidates.Any(c => c.Variants.Any(v => Same(v.Template, past.Reply)))) continue;
            else candidates.Add((intentId, similarity, [variant]));
        }

        var ranked = candidates
            .Select(c => (c.Intent, Score: c.Score + (c.Variants.Count > 0 ? c.Variants.Max(v => v.Boost) : 0), c.Variants))
            .OrderByDescending(c => c.Score)
            .ToList();
        if (ranked.Count == 0 || ranked[0].Score < options.Threshold) return [];

        var top = ranked[0].Score;
        var chosen = new List<Ranked>();
        foreach (var (intentId, score, variants) in ranked)
        {
            if (chosen.Count >= options.Max) break;
            if (chosen.Count > 0 && (score < options.Secondary || score < top - options.MaxGap)) break;
            var pick = variants.Select(v => (v, Text: render(v.Template))).FirstOrDefault(p => p.Text is not null);
            if (pick.Text is null || chosen.Any(c => c.Intent == intentId || Same(c.Text, pick.Text))) continue;
            chosen.Add(new Ranked(intentId, pick.v.Key, pick.Text, Math.Round(score, 4), pick.v.Source));
        }

        // A question nothing else answers well still deserves a holding reply beside the best one.
        if (chosen.Count is > 0 and < 2 && query.IsQuestion && intents.FirstOrDefault(i => i.Intent.Id == FollowUpIntent) is { } followUp)
        {
            var variant = Variants(followUp.Intent, query.Spanish, boosts).Select(v => (v, Text: render(v.Template))).FirstOrDefault(p => p.Text is not null);
            if (variant.Text is not null && !chosen.Any(c => Same(c.Text, variant.Text)))
                chosen.Add(new Ranked(FollowUpIntent, variant.v.Key, variant.Text, Math.Round(options.Secondary, 4), "library"));
        }
        return chosen;
    }

    /// <summary>The intent a text reads as (reply intents only), with its score; null below <paramref name="threshold"/>.</summary>
    public static string? Classify(float[] vector, IReadOnlyList<IntentVectors> intents, double threshold)
    {
        var best = intents.Where(i => !i.Intent.ContextOnly && i.Intent.Id != FollowUpIntent)
            .Select(i => (i.Intent, Score: Best([vector], i.Examples))).OrderByDescending(x => x.Score).FirstOrDefault();
        return best.Intent is { Block: false } && best.Score >= threshold ? best.Intent.Id : null;
    }

    /// <summary>The replies of an intent in the order to try: the contact's language first, then what this agent accepted most.</summary>
    private static List<(string Key, string Template, string Source, double Boost)> Variants(Intent intent, bool spanish, IReadOnlyDictionary<string, double> boosts) =>
        intent.ReplyList
            .Select((r, i) => (Reply: r, Key: $"{intent.Id}#{i}", Index: i))
            .OrderByDescending(r => r.Reply.Language == (spanish ? "es" : "en"))
            .ThenByDescending(r => boosts.GetValueOrDefault(r.Key))
            .ThenBy(r => r.Index)
            .Where(r => spanish || r.Reply.Language == "en")
            .Select(r => (r.Key, r.Reply.Text, "library", boosts.GetValueOrDefault(r.Key)))
            .ToList();

    public static double Best(IReadOnlyList<float[]> queries, float[][] examples)
    {
        var best = 0.0;
        foreach (var q in queries)
            foreach (var e in examples)
                best = Math.Max(best, Dot(q, e));
        return best;
    }

    public static double Dot(float[] a, float[] b)
    {
        var n = Math.Min(a.Length, b.Length);
        var sum = 0f;
        var i = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated)
        {
            var width = System.Numerics.Vector<float>.Count;
            var acc = System.Numerics.Vector<float>.Zero;
            for (; i <= n - width; i += width)
                acc += new System.Numerics.Vector<float>(a, i) * new System.Numerics.Vector<float>(b, i);
            sum = System.Numerics.Vector.Dot(acc, System.Numerics.Vector<float>.One);
        }
        for (; i < n; i++) sum += a[i] * b[i];
        return sum;
    }

    private static bool Same(string a, string b) => string.Equals(Normal(a), Normal(b), StringComparison.OrdinalIgnoreCase);

    private static string Normal(string s) => new(s.Where(char.IsLetterOrDigit).ToArray());
}
