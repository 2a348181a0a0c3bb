using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Winnerr.Sms.App.Components.Inbox;
using Winnerr.Sms.Core;
using Winnerr.Sms.Core.Conversations;
using Winnerr.Sms.Core.Data;

namespace Winnerr.Sms.Tests.TestSupport;

/// <summary>
/// bUnit for the open conversation: Core wired as the app wires it (the writer is not started: these tests
/// render, they do not write), on the test's database, at a fixed moment so "Today" means the same day in every run.
/// </summary>
public abstract class InboxComponentTestBase : MudTestBase
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 27, 18, 0, 0, TimeSpan.Zero);

    protected InboxComponentTestBase()
    {
        Ctx.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        Ctx.Services.AddSmsCore(new ConfigurationBuilder().Build());
        Ctx.Services.AddSingleton(Db);
        Ctx.Services.AddSingleton<IInboxEventPublisher, NoEvents>();
        Ctx.Services.AddSingleton<TimeProvider>(new FixedTime(Now));
        Ctx.Services.AddSingleton<TextingStatus>();
    }

    private sealed class NoEvents : IInboxEventPublisher
    {
        public void Publish(InboxEvent inboxEvent) { }
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
