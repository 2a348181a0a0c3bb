using Winnerr.Sms.App.Agents;
using Winnerr.Sms.App.Components;
using Winnerr.Sms.App.Extensions;
using Winnerr.Sms.App.Security;
using Winnerr.Sms.App.People;
using Winnerr.Sms.App.Campaigns;
using Winnerr.Sms.App.History;
using Winnerr.Sms.App.Webhooks;

// `dotnet run --project Winnerr.Sms.App -- agents ...` manages agents without the UI (first set-up).
var command = AgentsCommand.Matches(args);
var builder = WebApplication.CreateBuilder(command ? [] : args);
// Serves MudBlazor's assets from the build output in any environment (a no-op once published).
builder.WebHost.UseStaticWebAssets();
builder.AddRepoSettings();
builder.AddSmsServices();
builder.AddSmsAuth();
builder.AddSmsUi();
builder.AddDialer();

var app = builder.Build();
await app.Services.InitializeDatabaseAsync();
if (command) return await AgentsCommand.RunAsync(app.Services, args, Console.Out);

var twilio = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Winnerr.Sms.Core.Messaging.TwilioOptions>>().Value;
if (app.Configuration.GetValue<string>("Sms:Transport") == "Twilio" && string.IsNullOrWhiteSpace(twilio.PublicBaseUrl))
    app.Logger.LogWarning("Twilio:PublicBaseUrl is not set: Twilio cannot post delivery statuses, so sent texts will stay 'queued'.");

app.UseForwardedHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    if (app.Configuration.GetValue("Security:RequireHttps", true))
    {
        app.UseHsts();
        app.UseHttpsRedirection();
    }
}
app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapTwilioWebhooks();
app.MapTwilioVoiceWebhooks();
app.MapAccountEndpoints();
app.MapPeopleEndpoints();
app.MapCampaignEndpoints();
app.MapHistoryEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();
return 0;

public partial class Program;
