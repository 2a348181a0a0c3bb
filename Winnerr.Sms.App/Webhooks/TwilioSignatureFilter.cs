using Twilio.Security;
using Winnerr.Sms.App.Security;

namespace Winnerr.Sms.App.Webhooks;

/// <summary>
/// Rejects any webhook not signed by Twilio with our auth token. Twilio signs the public URL it
/// called, so behind a proxy the URL is rebuilt from Twilio:PublicBaseUrl (or forwarded headers).
/// Every webhook in the group gets its form decoded strictly here (<see cref="WebhookForm"/>): an
/// undecodable one is a 400, and handlers read the validated form with ReadFormAsync.
/// </summary>
public sealed class TwilioSignatureFilter(IOptions<TwilioOptions> options, BadSignatureLimiter limiter, ILogger<TwilioSignatureFilter> logger) : IEndpointFilter
{
    public const string Header = "X-Twilio-Signature";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var signature = request.Headers[Header].ToString();
        // RequestValidator throws on an empty signature, so a missing header is refused here.
        if (string.IsNullOrEmpty(signature)) return Refuse(context.HttpContext, "Missing X-Twilio-Signature.");
        if (!request.HasFormContentType) return Refuse(context.HttpContext, "Twilio webhooks are form posts.");

        // Decoded strictly before the signature is checked: the signature covers decoded values.
        var (form, error) = await WebhookForm.ReadAsync(request, context.HttpContext.RequestAborted);
        if (form is null) return Results.Text($"The form could not be decoded: {error}", statusCode: StatusCodes.Status400BadRequest);
        var parameters = form.ToDictionary(f => f.Key, f => f.Value.ToString());
        var url = PublicUrl(request);
        if (!new RequestValidator(options.Value.AuthToken).Validate(url, parameters, signature))
        {
            logger.LogWarning("Rejected a webhook with a bad signature for {Url}", url);
            return Refuse(context.HttpContext, "Invalid Twilio signature.");
        }
        return await next(context);
    }

    private string PublicUrl(HttpRequest request)
    {
        var path = request.PathBase + request.Path + request.QueryString;
        return string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl)
            ? $"{request.Scheme}://{request.Host}{path}"
            : options.Value.PublicBaseUrl.TrimEnd('/') + path;
    }

    // A body keeps the status-code pages middleware from re-executing the status into the Blazor not-found page.
    private IResult Refuse(HttpContext http, string reason) =>
        limiter.TryRecordFailure(RateLimits.ClientKey(http))
            ? Results.Text(reason, statusCode: StatusCodes.Status403Forbidden)
            : Results.Text("Too many requests with bad signatures.", statusCode: StatusCodes.Status429TooManyRequests);
}
