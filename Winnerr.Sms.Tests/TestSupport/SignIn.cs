using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Winnerr.Sms.Tests.TestSupport;

/// <summary>Signs in through the real sign-in form: GET it for the antiforgery token, POST it back.</summary>
public static partial class SignIn
{
    public static HttpClient Client(SmsAppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync("/login");
        var token = TokenPattern().Match(page).Groups[1].Value;
        return await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Email"] = email, ["Input.Password"] = password,
        }));
    }

    public static async Task<HttpClient> SignedInClientAsync(SmsAppFactory app, string email = SmsAppFactory.AgentEmail, string password = SmsAppFactory.AgentPassword)
    {
        var client = Client(app);
        var response = await PostAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {email} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
