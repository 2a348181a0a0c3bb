using Winnerr.Sms.Bench;

// Load and latency measurements for the targets stated in the issues. bench/run.sh starts the servers
// and calls these modes in order; each prints its figures. Loops are bounded in count and time.
return args.FirstOrDefault() switch
{
    "bare" => await BareServer.RunAsync(args[1]),
    "seed" => await Seeder.RunAsync(args[1], int.Parse(args[2]), int.Parse(args[3]), args.Length > 4 ? int.Parse(args[4]) : 0),
    "webhooks" => await WebhookLoad.RunAsync(new Uri(args[1]), args[2], args.Length > 3 ? args[3] : "/webhooks/twilio/sms"),
    "live" => await LiveLatency.RunAsync(new Uri(args[1]), args[2], int.Parse(args[3])),
    "open" => await OpenInbox.RunAsync(new Uri(args[1]), int.Parse(args[2])),
    "open-thread" => await OpenThread.RunAsync(new Uri(args[1]), int.Parse(args[2]), int.Parse(args[3])),
    "inbox-live" => await InboxLive.RunAsync(new Uri(args[1]), args[2], int.Parse(args[3]), int.Parse(args[4]), int.Parse(args[5]),
        double.Parse(args[6], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[7]), int.Parse(args[8]), int.Parse(args[9]), args.Length > 10 ? args[10] : null),
    "circuit-floor" => await CircuitFloor.RunAsync(new Uri(args[1]), int.Parse(args[2]), int.Parse(args[3]), args.Length > 4 ? args[4] : null),
    "people" => await PeopleSearch.RunAsync(args[1], int.Parse(args[2])),
    "history" => await HistoryBench.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2]) : 50),
    "history-ingest" => await HistoryIngest.RunAsync(args[1], int.Parse(args[2]), int.Parse(args[3])),
    "history-typing" => await HistoryTyping.RunAsync(new Uri(args[1]), int.Parse(args[2])),
    "inbox-typing" => await InboxTyping.RunAsync(new Uri(args[1]), int.Parse(args[2])),
    "templates" => TemplateRendering.Run(int.Parse(args[1])),
    "outbox-seed" => await OutboxBench.SeedAsync(args[1], int.Parse(args[2])),
    "outbox-drain" => await OutboxBench.DrainAsync(args[1], int.Parse(args[2]), long.Parse(args[3]), int.Parse(args[4])),
    "outbox-pace" => await OutboxBench.PaceAsync(args[1], double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[3]), int.Parse(args[4]),
        args.Length > 5 ? long.Parse(args[5]) : null),
    "text" => await Screenshot.TextAsync(new Uri(args[1]), args[2], args[3], args[4]),
    "shot" => await Screenshot.ShootAsync(new Uri(args[1]), args[2], args[3], int.Parse(args[4]), int.Parse(args[5]), args.Length > 6 ? args[6] : null, args.Length > 7 ? args[7] : null),
    "dialer" => await DialerBench.RunAsync(new Uri(args[1]), args[2], int.Parse(args[3])),
    "crash" => await IngestCrash.CrashAsync(new Uri(args[1]), args[2], int.Parse(args[3]), int.Parse(args[4]), int.Parse(args[5]), args[6]),
    "replay" => await IngestCrash.ReplayAsync(new Uri(args[1]), args[2], int.Parse(args[3]), args[4], args[5]),
    "campaign-seed" => await CampaignBench.SeedAsync(args[1], int.Parse(args[2]), args.Length > 3 && args[3] == "daytime"),
    "campaign-plan" => await CampaignBench.PlanAsync(new Uri(args[1]), int.Parse(args[2])),
    "campaign-confirm" => await CampaignBench.ConfirmAsync(new Uri(args[1]), args[2], args.Length > 3 ? args[3] : CampaignBench.Audience),
    "campaign-inbound" => await CampaignBench.InboundAsync(new Uri(args[1]), args[2], double.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[4]),
        args.Length > 5 ? args[5] : "new"),
    "campaign-plan-inproc" => await CampaignPlanInProcess.RunAsync(args[1], int.Parse(args[2])),
    "campaign-check" => await CampaignBench.CheckAsync(args[1], long.Parse(args[2]), int.Parse(args[3])),
    "suggest-live" => await SuggestLatency.RunAsync(new Uri(args[1]), args[2], int.Parse(args[3])),
    "suggest-eval" => await SuggestionEval.RunAsync(args.Length > 1 && !args[1].StartsWith("--") ? args[1] : "bench/suggestions/eval.jsonl", args.Contains("--tune"), args.Contains("--verbose")),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: bare URL | seed DB CONVERSATIONS MESSAGES [BIG_THREAD_MESSAGES] | webhooks BASEURL TOKEN [PATH] | live BASEURL TOKEN COUNT | open BASEURL COUNT"
        + " | open-thread BASEURL COUNT BIG_THREAD_MESSAGES | inbox-live BASEURL TOKEN APP_PID AGENTS PAGES_PER_AGENT RATE SECONDS IDLE_SECONDS PROBES [TOOLS_DIR]"
        + " | circuit-floor BASEURL APP_PID PAGES [TOOLS_DIR] | people DB COUNT | history DB [SAMPLES] | history-typing BASEURL COUNT | history-ingest FOLDER COUNT ROUNDS | templates COUNT"
        + " | outbox-seed DB COUNT | outbox-drain DB COUNT LAUNCHED_UNIX_MS TIMEOUT_S | outbox-pace DB RATE SECONDS TIMEOUT_S [FROM_CAMPAIGN_ID]"
        + " | text BASEURL TOKEN FROM BODY | shot BASEURL PATH OUT.png WIDTH HEIGHT [OPEN_PHONE|-] [CLICK_TESTID]"
        + " | dialer BASEURL DB COUNT"
        + " | crash BASEURL TOKEN COUNT KILL_AT PID ACKFILE | replay BASEURL TOKEN COUNT DB ACKFILE"
        + " | campaign-seed DB COUNT [daytime] | campaign-plan BASEURL RUNS | campaign-confirm BASEURL IDFILE [AUDIENCE] | campaign-inbound BASEURL TOKEN RATE SECONDS [recipients|new|warm-up]"
        + " | campaign-check DB CAMPAIGN_ID TIMEOUT_S"
        + " | suggest-eval [EVAL.jsonl] [--tune] [--verbose] | suggest-live BASEURL TOKEN COUNT");
    return 2;
}
