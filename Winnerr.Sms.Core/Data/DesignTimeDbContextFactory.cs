using Microsoft.EntityFrameworkCore.Design;

namespace Winnerr.Sms.Core.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the app.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<SmsDbContext>
{
    public SmsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SmsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
