namespace Winnerr.Sms.App.Webhooks;

public static class TwilioWebhookEndpoints
{
    private const string EmptyTwiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    public static IEndpointRouteBuilder MapTwilioWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/webhooks/twilio")
            .AllowAnonymous()
            .AddEndpointFilter<TwilioSignatureFilter>()
            .DisableAntiforgery();
        group.MapPost("/sms", ReceiveSmsAsync);
        group.MapPost("/status", ReceiveStatusAsync);
        return app;
    }

    private static async Task<IResult> ReceiveSmsAsync(HttpRequest request, InboxWriter writer)
    {
        var form = await request.ReadFormAsync();
        var sid = form["MessageSid"].ToString();
        var from = form["From"].ToString();
        if (string.IsNullOrWhiteSpace(sid)) return BadRequest("MessageSid is required.");
        if (string.IsNullOrWhiteSpace(from)) return BadRequest("From is required.");

        var result = await writer.ExecuteAsync(new ReceiveSms(sid, from, form["To"].ToString(), form["Body"].ToString()));
        return result.Outcome == WriteOutcome.Invalid
            ? Results.Text(result.Error, statusCode: StatusCodes.Status422UnprocessableEntity)
            : Results.Text(EmptyTwiml, "text/xml");
    }

    private static async Task<IResult> ReceiveStatusAsync(HttpRequest request, InboxWriter writer, long? mid)
    {
        var form = await request.ReadFormAsync();
        var sid = form["MessageSid"].ToString();
        var status = form["MessageStatus"].ToString();
        if (string.IsNullOrWhiteSpace(sid)) return BadRequest("MessageSid is required.");
        if (string.IsNullOrWhiteSpace(status)) return BadRequest("MessageStatus is required.");
        int? errorCode = int.TryParse(form["ErrorCode"], out var code) ? code : null;

        var result = await writer.ExecuteAsync(new ApplyStatus(mid, sid, status, errorCode, form["ErrorMessage"].ToString()));
        return result.Outcome switch
        {
            WriteOutcome.Invalid => BadRequest(result.Error!),
            // Not ours (e.g. sent from the Twilio console): acknowledge so Twilio does not keep trying.
            _ => Results.Text(result.Outcome == WriteOutcome.NotFound ? "ignored: unknown message" : "ok"),
        };
    }

    private static IResult BadRequest(string reason) => Results.Text(reason, statusCode: StatusCodes.Status400BadRequest);
}
