// The renderer's own frames are the thing measured here.
#pragma warning disable BL0006
using System.Reflection;
using Bunit;
using Microsoft.AspNetCore.Components.RenderTree;
using Winnerr.Sms.App.Components.Inbox;
using Winnerr.Sms.Core.Conversations;
using Winnerr.Sms.Core.Messaging;
using Winnerr.Sms.Tests.TestSupport;
using static Winnerr.Sms.Tests.TestSupport.Build;

namespace Winnerr.Sms.Tests.Components;

/// <summary>
/// Every open inbox page keeps a screenful of rows, each with its render buffer (frames, grown by doubling from 32).
/// The ≤ 300 KB per idle page of issue 9 holds with 64-frame rows; one more element or attribute in the fullest row
/// would double its buffer on every page, so the budget is checked here rather than discovered in the benchmark.
/// </summary>
public class ThreadItemFrameBudgetTests : MudTestBase
{
    private const int Budget = 64;

    private static readonly MethodInfo CurrentFrames = typeof(Renderer).GetMethod("GetCurrentRenderTreeFrames",
        BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)!;

    private ArrayRange<RenderTreeFrame> Frames(IRenderedComponent<ThreadItem> row) =>
        (ArrayRange<RenderTreeFrame>)CurrentFrames.Invoke(Ctx.Renderer, [row.ComponentId])!;

    public static TheoryData<string, ThreadSummary> FullestRows() => new()
    {
        // The contact wrote last: unread, needs a reply (its badge and the Done button), a long name.
        { "waiting for a reply", Thread(1, 5, unread: 12, name: "Maria Lopez-Fernandez") with { NeedsReply = true, LastDirection = MessageDirection.Inbound } },
        // The agent wrote last and it failed: the failed marker and "You:".
        { "own text failed", Thread(2, 5) with { LastDirection = MessageDirection.Outbound, LastStatus = MessageStatus.Failed } },
        // Known only by number, opted out, selected below.
        { "unnamed and opted out", Thread(3, 5, name: "+12125550003") with { IsOptedOut = true, LastDirection = MessageDirection.Inbound } },
    };

    [Theory]
    [MemberData(nameof(FullestRows))]
    public void TheFullestThreadRows_FitA64FrameRenderBuffer(string shape, ThreadSummary thread)
    {
        var row = Ctx.Render<ThreadItem>(p => p.Add(x => x.Thread, thread).Add(x => x.Selected, true));

        var frames = Frames(row);
        Assert.True(frames.Count > 0, shape);
        Assert.True(frames.Count <= Budget, $"{shape}: {frames.Count} frames, over the {Budget}-frame budget");
        Assert.True(frames.Array.Length <= Budget, $"{shape}: a {frames.Array.Length}-frame buffer");
    }
}
