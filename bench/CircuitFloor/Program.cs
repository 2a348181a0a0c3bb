using CircuitFloor.Components;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseStaticWebAssets(); // run from bin, as the app is
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
var app = builder.Build();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.Run();
