
namespace Winnerr.Sms.App.Agents;

/// <summary>
/// First set-up without the UI:
/// <c>agents add --email E --name N --number +1... --password P [--admin]</c> and <c>agents list</c>.
/// </summary>
public static class AgentsCommand
{
    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "agents";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<AgentDirectory>();
        switch (args.ElementAtOrDefault(1))
        {
            case "list":
                foreach (var agent in await directory.ListAsync())
                    await output.WriteLineAsync($"{agent.Email}\t{agent.Name}\t{string.Join(",", agent.Numbers.Select(n => n.PhoneNumber))}\t{(agent.IsAdmin ? "admin" : "agent")}{(agent.IsLockedOut ? "\tlocked" : "")}");
                return 0;
            case "add":
                var options = Parse(args.Skip(2).ToArray());
                string? Need(string name) => options.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;
                if (Need("email") is not { } email || Need("name") is not { } name || Need("number") is not { } number || Need("password") is not { } password)
                {
                    await output.WriteLineAsync("usage: agents add --email E --name N --number +1... --password P [--admin]");
                    return 2;
                }
                var (user, errors) = await directory.CreateAsync(email, name, number, password, options.ContainsKey("admin"));
                if (user is null)
                {
                    foreach (var error in errors) await output.WriteLineAsync($"error: {error}");
                    return 1;
                }
                await output.WriteLineAsync($"created {email} ({name}) owning {number}{(options.ContainsKey("admin") ? " as admin" : "")}");
                return 0;
            default:
                await output.WriteLineAsync("usage: agents add --email E --name N --number +1... --password P [--admin] | agents list");
                return 2;
        }
    }

    private static Dictionary<string, string> Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) continue;
            var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            options[args[i][2..]] = hasValue ? args[++i] : "";
        }
        return options;
    }
}
