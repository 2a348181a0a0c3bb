using Microsoft.Extensions.DependencyInjection;
using Winnerr.Sms.App.Realtime;
using Winnerr.Sms.Core.Conversations;

namespace Winnerr.Sms.Tests.TestSupport;

/// <summary>Waits for a committed inbox event the way a circuit receives it: through the notifier.</summary>
public static class InboxEventWaiter
{
    public static async Task<T> WaitForAsync<T>(this SmsAppFactory app, long agentId, Func<T, bool> match, Func<Task> act, TimeSpan? timeout = null)
        where T : InboxEvent
    {
        var seen = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = app.Services.GetRequiredService<InboxNotifier>().Subscribe(agentId, e =>
        {
            if (e is T typed && match(typed)) seen.TrySetResult(typed);
            return Task.CompletedTask;
        });
        await act();
        return await seen.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(10));
    }
}
