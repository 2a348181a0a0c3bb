using Microsoft.Playwright;
using Winnerr.Sms.Core.Messaging;

namespace Winnerr.Sms.Bench;

/// <summary>For looking at the app as a user does: a signed inbound text, and a screenshot of a page after sign-in.</summary>
public static class Screenshot
{
    public static async Task<int> TextAsync(Uri baseUrl, string token, string from, string body)
    {
        using var http = new HttpClient();
        var url = new Uri(baseUrl, "/webhooks/twilio/sms").ToString();
        var form = new Dictionary<string, string>
        {
            ["AccountSid"] = "ACbench", ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"), ["From"] = from, ["To"] = "+15005550006", ["Body"] = body,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", TwilioRequestSigner.Sign(token, url, form));
        var response = await http.SendAsync(request);
        Console.WriteLine($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response.IsSuccessStatusCode ? 0 : 1;
    }

    /// <summary>Opens <paramref name="path"/> signed in, optionally clicks the thread of <paramref name="openPhone"/>, and saves a PNG.</summary>
    public static async Task<int> ShootAsync(Uri baseUrl, string path, string output, int width, int height, string? openPhone, string? clickTestId = null)
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, TimezoneId = "America/New_York" });
            var page = await context.NewPageAsync();
            await Browser.SignInAsync(page, baseUrl);
            await page.GotoAsync(new Uri(baseUrl, path).ToString());
            await page.GetByTestId("circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            if (openPhone is not null && openPhone != "-")
            {
                await page.Locator($"[data-testid=thread-item][data-phone='{openPhone}']").First.ClickAsync();
                await page.GetByTestId("conversation-name").WaitForAsync();
            }
            if (clickTestId is not null)
            {
                await page.GetByTestId(clickTestId).First.ClickAsync();
                await page.Locator(".mud-dialog").First.WaitForAsync();
            }
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await page.ScreenshotAsync(new() { Path = output });
            Console.WriteLine($"saved {output}");
            return 0;
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
