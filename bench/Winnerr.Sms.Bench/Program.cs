using Winnerr.Sms.Bench;

// Load and latency measurements for the targets stated in the issues. bench/run.sh starts the servers
// and calls these modes in order; each prints its figures. Loops are bounded in count and time.
return args.FirstOrDefault() switch
{
    "bare" => await BareServer.RunAsync(args[1]),
    "seed" => await Seeder.RunAsync(args[1], int.Parse(args[2]), int.Parse(args[3])),
    "webhooks" => await WebhookLoad.RunAsync(new Uri(args[1]), args[2], args.Length > 3 ? args[3] : "/webhooks/twilio/sms"),
    "live" => await LiveLatency.RunAsync(new Uri(args[1]), args[2], int.Parse(args[3])),
    "open" => await OpenInbox.RunAsync(new Uri(args[1]), int.Parse(args[2])),
    "people" => await PeopleSearch.RunAsync(args[1], int.Parse(args[2])),
    "templates" => TemplateRendering.Run(int.Parse(args[1])),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: bare URL | seed DB CONVERSATIONS MESSAGES | webhooks BASEURL TOKEN [PATH] | live BASEURL TOKEN COUNT | open BASEURL COUNT | people DB COUNT | templates COUNT");
    return 2;
}
