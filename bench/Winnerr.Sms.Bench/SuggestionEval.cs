using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Winnerr.Sms.Core.Compliance;
using Winnerr.Sms.Core.Messaging;
using Winnerr.Sms.Core.Suggestions;

namespace Winnerr.Sms.Bench;

/// <summary>
/// The embedded engine against the labelled set (bench/suggestions/eval.jsonl): hit@3, precision@3, duplicate
/// intents, abstention on must-not cases, latency; per split ("tune" is what thresholds were tuned on, "held" was
/// never looked at while tuning). `--tune` searches the thresholds on the tune split and prints the best.
/// </summary>
public static class SuggestionEval
{
    private sealed record Case(string Id, string Text, List<Turn> Context, List<string> Accept, bool MustNot, string Split);
    private sealed record Turn(string Dir, string Body);
    private sealed record Outcome(Case Case, IReadOnlyList<Suggestion> Shown, double Ms);

    private static readonly ContactFacts Contact = new("Maria", "12 Oak St", new DateTimeOffset(2026, 12, 5, 20, 0, 0, TimeSpan.Zero), "America/Chicago", false, false);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(string path, bool tune, bool verbose)
    {
        var cases = File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l => JsonSerializer.Deserialize<Case>(l, Json)!).ToList();
        Console.WriteLine($"eval set: {cases.Count} texts ({cases.Count(c => c.MustNot)} must-not), {cases.Count(c => c.Split == "held")} held out; {Stats.Load()}");

        var before = Memory();
        var clock = Stopwatch.StartNew();
        using var generator = new MiniLmEmbeddingGenerator();
        var loadMs = clock.Elapsed.TotalMilliseconds;
        var library = IntentLibrary.LoadEmbedded();
        async Task<float[][]> Embed(IReadOnlyList<string> texts) => (await generator.GenerateAsync(texts)).Select(e => e.Vector.ToArray()).ToArray();
        var loaded = await SuggestionModel.BuildAsync(generator, library, Embed);
        var readyMs = clock.Elapsed.TotalMilliseconds;
        var after = Memory();
        Console.WriteLine($"model: load {loadMs:F0} ms, ready (library of {library.Intents.Count} intents embedded) {readyMs:F0} ms; " +
                          $"memory added: working set +{(after.WorkingSet - before.WorkingSet) / 1048576.0:F0} MiB, managed heap +{(after.Managed - before.Managed) / 1048576.0:F0} MiB");

        var options = new RankerOptions();
        if (tune)
        {
            var memo = new Dictionary<string, float[]>();
            async Task<float[][]> Memo(IReadOnlyList<string> texts)
            {
                var missing = texts.Where(t => !memo.ContainsKey(t)).Distinct().ToList();
                if (missing.Count > 0) foreach (var (t, v) in missing.Zip(await Embed(missing))) memo[t] = v;
                return texts.Select(t => memo[t]).ToArray();
            }
            options = await TuneAsync(loaded, Memo, cases.Where(c => c.Split == "tune").ToList());
            Console.WriteLine($"tuned on the tune split: Threshold={options.Threshold:F2} Secondary={options.Secondary:F2} MaxGap={options.MaxGap:F2} BlockThreshold={options.BlockThreshold:F2}");
        }

        // Warm-up, then the measured pass: every text embedded afresh (no cache), as a new inbound text is.
        foreach (var c in cases.Take(10)) await SuggestAsync(loaded, Embed, c, options);
        var outcomes = new List<Outcome>();
        foreach (var c in cases)
        {
            var start = Stopwatch.GetTimestamp();
            var shown = await SuggestAsync(loaded, Embed, c, options);
            outcomes.Add(new Outcome(c, shown, Stopwatch.GetElapsedTime(start).TotalMilliseconds));
        }

        var ok = true;
        foreach (var split in new[] { "tune", "held", "all" })
        {
            var part = outcomes.Where(o => split == "all" || o.Case.Split == split).ToList();
            var (line, pass) = Report(part);
            Console.WriteLine($"{split,-5} {line}");
            if (split == "all") ok = pass;
        }
        Console.WriteLine($"latency per text (gate + embed + rank, no cache): {Stats.Describe(outcomes.Select(o => o.Ms).ToList())}; {Stats.Load()}");
        if (verbose)
            foreach (var o in outcomes.Where(o => o.Case.MustNot ? o.Shown.Count > 0 : !o.Shown.Any(s => o.Case.Accept.Contains(s.Intent))))
            {
                var vector = (await Embed([o.Case.Text]))[0];
                var top = loaded.Intents.Select(i => (i.Intent.Id, Score: SuggestionRanker.Best([vector], i.Examples))).OrderByDescending(x => x.Score).Take(3);
                Console.WriteLine($"  miss {o.Case.Id} [{o.Case.Split}] \"{o.Case.Text}\" want {string.Join("|", o.Case.Accept)} got {string.Join(", ", o.Shown.Select(s => $"{s.Intent}({s.Score:F2})"))}" +
                                  $" | gate {SuggestionGate.WhyNone(Input(o.Case)) ?? "-"} | top {string.Join(", ", top.Select(t => $"{t.Id} {t.Score:F2}"))}");
            }
        return ok ? 0 : 1;
    }

    private static (string Line, bool Pass) Report(List<Outcome> part)
    {
        var positive = part.Where(o => !o.Case.MustNot).ToList();
        var mustNot = part.Where(o => o.Case.MustNot).ToList();
        var hit = positive.Count(o => o.Shown.Any(s => o.Case.Accept.Contains(s.Intent))) / (double)Math.Max(1, positive.Count);
        var shown = positive.Where(o => o.Shown.Count > 0).ToList();
        var precision = shown.Sum(o => o.Shown.Count(s => o.Case.Accept.Contains(s.Intent)) / (double)o.Shown.Count) / Math.Max(1, shown.Count);
        var withAny = part.Where(o => o.Shown.Count > 0).ToList();
        var duplicates = withAny.Count(o => o.Shown.Select(s => s.Intent).Distinct().Count() < o.Shown.Count) / (double)Math.Max(1, withAny.Count);
        var abstained = mustNot.Count(o => o.Shown.Count == 0) / (double)Math.Max(1, mustNot.Count);
        var coverage = shown.Count / (double)Math.Max(1, positive.Count);
        var sizes = string.Join(" ", Enumerable.Range(0, 4).Select(n => $"{n}:{positive.Count(o => o.Shown.Count == n)}"));
        var pass = hit >= 0.85 && duplicates == 0 && abstained == 1;
        return ($"n={part.Count,3}  hit@3={hit:P1}  precision@3={precision:P1}  duplicate-intent={duplicates:P1}  must-not abstention={abstained:P1} ({mustNot.Count})  " +
                $"coverage={coverage:P1}  suggestions per text {sizes}", pass);
    }

    private static async Task<IReadOnlyList<Suggestion>> SuggestAsync(LoadedModel loaded, Func<IReadOnlyList<string>, Task<float[][]>> embed, Case c, RankerOptions options)
    {
        var input = Input(c);
        if (SuggestionGate.WhyNone(input) is not null) return [];
        return await EmbeddedSuggestionEngine.SuggestAsync(loaded, embed, input, [], new Dictionary<string, double>(), options);
    }

    private static SuggestionInput Input(Case c)
    {
        var at = new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);
        var turns = c.Context.Select((t, i) => new TurnView(i + 1, t.Dir == "out" ? MessageDirection.Outbound : MessageDirection.Inbound, t.Body, at.AddMinutes(i))).ToList();
        var (kind, keyword) = OptOutKeywords.Match(c.Text);
        turns.Add(new TurnView(turns.Count + 1, MessageDirection.Inbound, c.Text, at.AddMinutes(turns.Count), kind == KeywordKind.None ? null : keyword,
            kind == KeywordKind.None && RevocationDetector.IsRevocation(c.Text)));
        return new SuggestionInput(1, "Alex Morgan", 1, Contact, turns);
    }

    private static async Task<RankerOptions> TuneAsync(LoadedModel loaded, Func<IReadOnlyList<string>, Task<float[][]>> embed, List<Case> cases)
    {
        var best = (Score: double.MinValue, Options: new RankerOptions());
        // A floor of 0.40 on the trigger: below it MiniLM's nearest intent is as often wrong as right (no suggestion beats a bad one).
        foreach (var threshold in Steps(0.40, 0.60, 0.025))
        foreach (var secondary in Steps(0.30, threshold, 0.05))
        foreach (var gap in new[] { 0.1, 0.15, 0.2 })
        foreach (var block in Steps(0.40, 0.60, 0.05))
        {
            var options = new RankerOptions { Threshold = threshold, Secondary = secondary, MaxGap = gap, BlockThreshold = block };
            var outcomes = new List<Outcome>();
            foreach (var c in cases) outcomes.Add(new Outcome(c, await SuggestAsync(loaded, embed, c, options), 0));
            var positive = outcomes.Where(o => !o.Case.MustNot).ToList();
            var hit = positive.Count(o => o.Shown.Any(s => o.Case.Accept.Contains(s.Intent))) / (double)positive.Count;
            var shown = positive.Where(o => o.Shown.Count > 0).ToList();
            var precision = shown.Sum(o => o.Shown.Count(s => o.Case.Accept.Contains(s.Intent)) / (double)o.Shown.Count) / Math.Max(1, shown.Count);
            var leaks = outcomes.Count(o => o.Case.MustNot && o.Shown.Count > 0);
            // Must-not cases are a hard constraint; then hit@3, then precision.
            var score = -10.0 * leaks + hit + 0.5 * precision;
            if (score > best.Score) best = (score, options);
        }
        return best.Options;
    }

    private static IEnumerable<double> Steps(double from, double to, double step)
    {
        for (var v = from; v <= to + 1e-9; v += step) yield return Math.Round(v, 3);
    }

    private static (long WorkingSet, long Managed) Memory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        return (process.WorkingSet64, GC.GetTotalMemory(true));
    }
}
