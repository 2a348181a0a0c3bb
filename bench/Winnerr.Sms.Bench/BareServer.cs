namespace Winnerr.Sms.Bench;

/// <summary>The ceiling: Kestrel reading the same form post and answering the same TwiML, with no signature check and no database.</summary>
public static class BareServer
{
    public static async Task<int> RunAsync(string url)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        app.MapPost("/webhooks/twilio/sms", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            return form["MessageSid"].Count == 0
                ? Results.BadRequest()
                : Results.Text("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>", "text/xml");
        });
        await app.RunAsync();
        return 0;
    }
}
