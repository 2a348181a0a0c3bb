using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Winnerr.Sms.Core.Data;

/// <summary>
/// Per-connection SQLite settings. WAL lets the inbox read while the webhook writer commits;
/// synchronous stays FULL (the default) so an acknowledged webhook survives power loss. The automatic
/// checkpoint waits for 16 MB of log (4,096 pages): <see cref="WalCheckpointer"/> checkpoints every second
/// off the writer's path, and this is its backstop.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON; PRAGMA cache_size=-32000; PRAGMA mmap_size=268435456; PRAGMA wal_autocheckpoint=4096;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
