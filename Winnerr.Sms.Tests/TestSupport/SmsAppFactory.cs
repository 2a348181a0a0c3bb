using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Winnerr.Sms.App.Simulator;
using Winnerr.Sms.Core.Data;
using Winnerr.Sms.Core.Messaging;

namespace Winnerr.Sms.Tests.TestSupport;

/// <summary>
/// The real app on a throw-away SQLite file. In-memory TestServer by default; <see cref="StartKestrel"/>
/// gives a real port for browser tests. The simulator posts its callbacks back into the same server.
/// </summary>
public class SmsAppFactory : WebApplicationFactory<Program>
{
    public const string AuthToken = "test-auth-token";
    public const string AgentNumber = "+15005550006";
    public const string AgentEmail = "alex@winnerr.test";
    public const string AgentPassword = "alex-password-2026";

    private readonly string _dbPath;
    private readonly bool _ownsDb;
    private bool _kestrel;

    public SmsAppFactory() : this(null) { }

    /// <summary>On <paramref name="dbPath"/> when given (a second host on the same database, as after a restart); the caller then deletes it.</summary>
    public SmsAppFactory(string? dbPath)
    {
        _ownsDb = dbPath is null;
        _dbPath = dbPath ?? NewDatabasePath();
    }

    public static string NewDatabasePath() => Path.Combine(Path.GetTempPath(), $"winnerr-sms-test-{Guid.NewGuid():N}.db");

    /// <summary>Service changes for this host only (e.g. a sender that dies mid-send).</summary>
    public Action<IServiceCollection>? ConfigureTestServices { get; set; }

    /// <summary>The demo admin-agent (Alex) owns <see cref="AgentNumber"/>; limits are high unless a test lowers them.</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Demo:Enabled"] = "true",
        ["Demo:Email"] = AgentEmail,
        ["Demo:Password"] = AgentPassword,
        ["Demo:SeedConversations"] = "false",
        ["Security:RequireHttps"] = "false",
        ["Auth:SignInPermitLimit"] = "1000",
        ["Auth:BadSignaturePermitLimit"] = "1000",
        ["Simulator:StatusDelayMilliseconds"] = "20",
        // Suggestions load a 90 MB model per host: only the tests about them turn it on (with SharedMiniLm).
        ["Ai:Enabled"] = "false",
    };

    public SmsAppFactory StartKestrel()
    {
        _kestrel = true;
        UseKestrel(0);
        StartServer();
        return this;
    }

    public Uri BaseAddress => _kestrel ? new Uri(ServerAddress()) : new Uri("http://localhost");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Sms", $"Data Source={_dbPath}");
        builder.UseSetting("Twilio:AuthToken", AuthToken);
        builder.UseSetting("Twilio:PhoneNumber", AgentNumber);
        builder.UseSetting("Twilio:PublicBaseUrl", "");
        builder.UseSetting("Sms:Transport", "Simulator");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        if (ConfigureTestServices is { } configure) builder.ConfigureServices(configure);
        if (!_kestrel)
        {
            builder.UseSetting("Simulator:SelfBaseUrl", "http://localhost");
            builder.ConfigureServices(services => services.AddHttpClient(TwilioWebhookClient.HttpClientName)
                // From this host's own services: the factory's Server property would start the host again while it is starting.
                .ConfigurePrimaryHttpMessageHandler(sp => ((Microsoft.AspNetCore.TestHost.TestServer)sp.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()).CreateHandler()));
        }
    }

    /// <summary>Creates another agent through the same path as Settings and the `agents` command.</summary>
    public async Task<long> CreateAgentAsync(string email, string name, string number, string password = "agent-password-2026", bool admin = false)
    {
        await using var scope = Services.CreateAsyncScope();
        var (user, errors) = await scope.ServiceProvider.GetRequiredService<Winnerr.Sms.App.Agents.AgentDirectory>()
            .CreateAsync(email, name, number, password, admin);
        return user?.AgentId ?? throw new InvalidOperationException(string.Join(" ", errors));
    }

    public async Task<long> AgentIdAsync(string email)
    {
        await using var db = await DbAsync();
        return await db.Users.Where(u => u.Email == email).Select(u => u.AgentId).SingleAsync();
    }

    public async Task<SmsDbContext> DbAsync()
    {
        var factory = Services.GetRequiredService<IDbContextFactory<SmsDbContext>>();
        return await factory.CreateDbContextAsync();
    }

    /// <summary>A form post signed exactly as Twilio signs it, for the URL the app will rebuild.</summary>
    public HttpRequestMessage SignedPost(string pathAndQuery, IReadOnlyDictionary<string, string> form, string? token = null)
    {
        var url = BaseAddress.GetLeftPart(UriPartial.Authority) + pathAndQuery;
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", TwilioRequestSigner.Sign(token ?? AuthToken, url, form));
        return request;
    }

    public static Dictionary<string, string> InboundForm(string from, string body, string? sid = null, string to = AgentNumber) => new()
    {
        ["AccountSid"] = "ACtest00000000000000000000000000", ["ApiVersion"] = "2010-04-01",
        ["MessageSid"] = sid ?? "SM" + Guid.NewGuid().ToString("N"), ["SmsStatus"] = "received",
        ["From"] = from, ["To"] = to, ["Body"] = body, ["NumMedia"] = "0", ["NumSegments"] = "1",
    };

    private string ServerAddress()
    {
        var server = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>();
        var addresses = server.Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
        return addresses.First().Replace("[::]", "localhost").Replace("0.0.0.0", "localhost").Replace("127.0.0.1", "localhost");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownsDb) DeleteDatabase(_dbPath);
    }

    public static void DeleteDatabase(string path)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try { File.Delete(path + suffix); }
            catch (IOException) { /* a temp file left behind is harmless */ }
        }
    }
}
