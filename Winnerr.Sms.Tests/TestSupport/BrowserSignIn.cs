using Microsoft.Playwright;

namespace Winnerr.Sms.Tests.TestSupport;

public static class BrowserSignIn
{
    /// <summary>Signs in through the sign-in page and waits until the page it returns to is interactive.</summary>
    public static async Task SignInAsync(this IPage page, string path = "/phone/sms",
        string email = SmsAppFactory.AgentEmail, string password = SmsAppFactory.AgentPassword)
    {
        await page.GotoAsync(path);
        await page.GetByTestId("login-email").FillAsync(email);
        await page.GetByTestId("login-password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
        // Prerendered markup shows before the circuit connects; only the interactive render writes this marker.
        // A fresh host's first circuit (JIT, first render) is slow while other test collections load both cores.
        await page.GetByTestId("circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
    }
}
