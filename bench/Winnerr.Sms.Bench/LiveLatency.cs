using Microsoft.Playwright;
using Winnerr.Sms.Core.Messaging;

namespace Winnerr.Sms.Bench;

/// <summary>
/// Webhook accepted → thread visible: an open inbox page watches the DOM with a MutationObserver and
/// stamps the moment a thread for the new number is the top row; the bench stamps when the webhook was
/// sent and when it was answered. Both clocks are this machine's wall clock.
/// </summary>
public static class LiveLatency
{
    private const string Watch = """
        phone => { window.__seen = new Promise(resolve => {
            const check = () => { const el = document.querySelector('[data-testid=thread-item]');
                if (el && el.dataset.phone === phone) { resolve(performance.timeOrigin + performance.now()); return true; } return false; };
            if (check()) return;
            const mo = new MutationObserver(() => { if (check()) mo.disconnect(); });
            mo.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        }); }
        """;

    public static async Task<int> RunAsync(Uri baseUrl, string token, int count)
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        await Browser.SignInAsync(page, baseUrl);
        await page.GetByTestId("thread-item").First.WaitForAsync();

        using var client = new HttpClient();
        var url = new Uri(baseUrl, "/webhooks/twilio/sms").ToString();
        var fromSent = new List<double>();
        var fromAnswered = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var phone = $"+1917{5550000 + i:D7}";
            await page.EvaluateAsync(Watch, phone);
            var form = Stats.InboundForm(phone, $"Live latency probe {i}");
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
            request.Headers.Add("X-Twilio-Signature", TwilioRequestSigner.Sign(token, url, form));
            var sent = Now();
            using var response = await client.SendAsync(request);
            var answered = Now();
            response.EnsureSuccessStatusCode();
            var visible = await page.EvaluateAsync<double>("() => window.__seen");
            fromSent.Add(visible - sent);
            fromAnswered.Add(Math.Max(0, visible - answered));
        }
        Console.WriteLine($"webhook sent → thread on top in open page: {Stats.Describe(fromSent)}");
        Console.WriteLine($"webhook answered → thread on top in open page: {Stats.Describe(fromAnswered)} (0 = visible before the answer reached the sender)");
        return 0;
    }

    private static double Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + DateTime.UtcNow.Ticks % TimeSpan.TicksPerMillisecond / 10_000.0;
}
