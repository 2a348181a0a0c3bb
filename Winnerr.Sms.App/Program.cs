using Winnerr.Sms.App.Components;
using Winnerr.Sms.App.Extensions;
using Winnerr.Sms.App.Webhooks;

var builder = WebApplication.CreateBuilder(args);
// Serves MudBlazor's assets from the build output in any environment (a no-op once published).
builder.WebHost.UseStaticWebAssets();
builder.AddRepoSettings();
builder.AddSmsServices();
builder.AddSmsUi();

var app = builder.Build();
await app.InitializeDatabaseAsync();

app.UseForwardedHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();

app.MapStaticAssets();
app.MapTwilioWebhooks();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

public partial class Program;
