using Bunit;
using Microsoft.AspNetCore.Components;
using Winnerr.Sms.App.Components;
using Winnerr.Sms.App.Components.Inbox;
using Winnerr.Sms.App.Store.InboxFeature;
using Winnerr.Sms.Core.Contacts;
using Winnerr.Sms.Core.Conversations;
using Winnerr.Sms.Core.Messaging;
using Winnerr.Sms.Tests.TestSupport;

namespace Winnerr.Sms.Tests.Components;

/// <summary>The open conversation's order: day dividers in the agent's zone, and the record's consent lines among the texts.</summary>
public class ConversationTimelineTests : InboxComponentTestBase
{
    private static readonly ThreadSummary Maria = new(1, 10, "Maria Lopez", "+12125550147", "", Now, 0, false, ContactConsentState.Transactional);

    private static MessageView Text(long id, DateTimeOffset at, string body = "hello", MessageDirection direction = MessageDirection.Inbound) =>
        new(id, 1, direction, body, direction == MessageDirection.Inbound ? MessageStatus.Received : MessageStatus.Delivered, null, null, at);

    private static InboxState Open(IEnumerable<MessageView> messages, IEnumerable<ContactEventView>? events = null, bool hasOlder = false) => new()
    {
        OpenConversationId = 1, OpenThread = Maria, OpenMessages = [.. messages], OpenEvents = [.. events ?? []], OpenHasOlder = hasOlder,
    };

    private IRenderedComponent<CascadingValue<ClientTime>> Render(InboxState state, string zone = "UTC") =>
        Ctx.Render<CascadingValue<ClientTime>>(p => p
            .Add(x => x.Value, ClientTime.FromName(zone))
            .AddChildContent<ConversationPane>(c => c.Add(x => x.State, state)));

    private static List<string> Rows(IRenderedComponent<CascadingValue<ClientTime>> cut) =>
        cut.FindAll("[data-testid=day-divider], [data-testid=message], [data-testid=system-line]")
            .Select(e => e.GetAttribute("data-testid") switch
            {
                "day-divider" => $"-- {e.TextContent} --",
                "message" => e.QuerySelector(".message__bubble")!.TextContent,
                _ => $"[{e.TextContent}]",
            })
            .ToList();

    [Fact]
    public void WhenMessagesSpanSeveralDays_ThenEachDayStartsWithADivider()
    {
        var cut = Render(Open([
            Text(1, new DateTimeOffset(2025, 12, 31, 12, 0, 0, TimeSpan.Zero), "last year"),
            Text(2, Now.AddDays(-3), "three days ago"),
            Text(3, Now.AddDays(-3).AddHours(1), "same day"),
            Text(4, Now.AddDays(-1), "yesterday"),
            Text(5, Now.AddMinutes(-10), "today", MessageDirection.Outbound),
        ]));

        Assert.Equal([
            "-- Wed, Dec 31, 2025 --", "last year",
            "-- Tue, Nov 24 --", "three days ago", "same day",
            "-- Yesterday --", "yesterday",
            "-- Today --", "today",
        ], Rows(cut));
    }

    [Fact]
    public void WhenTheAgentIsInAnotherZone_ThenDaysChangeAtTheirMidnight()
    {
        // 03:00 UTC on Nov 27 is 9 PM on Nov 26 in Chicago; "now" (18:00 UTC) is noon there.
        var cut = Render(Open([Text(1, new DateTimeOffset(2026, 11, 27, 3, 0, 0, TimeSpan.Zero), "late"), Text(2, Now, "noon")]), "America/Chicago");

        Assert.Equal(["-- Yesterday --", "late", "-- Today --", "noon"], Rows(cut));
    }

    [Fact]
    public void WhenTheRecordHasConsentEvents_ThenTheyAppearAsLinesAfterTheTextThatCausedThem()
    {
        var stopAt = new DateTimeOffset(2026, 11, 26, 15, 2, 0, TimeSpan.Zero);
        var startAt = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
        var cut = Render(Open(
            [Text(1, stopAt.AddHours(-1), "Is it still available?"), Text(2, stopAt, "STOP"), Text(3, startAt, "START")],
            [
                new ContactEventView(7, stopAt, "consent", "Opted out by texting STOP"),
                new ContactEventView(8, startAt, "consent", "Opted back in by texting START (transactional only)"),
                new ContactEventView(9, startAt.AddHours(1), "revocation", "Reviewed (\"leave me alone\"): not a request to stop texting"),
            ]));

        Assert.Equal([
            "-- Yesterday --", "Is it still available?", "STOP", "[Maria texted STOP: opted out on Nov 26 at 3:02 PM]",
            "-- Today --", "START", "[Maria texted START: opted back in on Nov 27 at 9:00 AM (transactional only)]",
            "[Reviewed (\"leave me alone\"): not a request to stop texting on Nov 27 at 10:00 AM]",
        ], Rows(cut));
        Assert.Equal(["consent", "consent", "revocation"], cut.FindAll("[data-testid=system-line]").Select(l => l.GetAttribute("data-kind")));
    }

    [Fact]
    public void WhenOlderMessagesAreNotLoaded_ThenOlderRecordLinesWaitForThem()
    {
        var cut = Render(Open(
            [Text(5, Now.AddHours(-2), "newest page starts here")],
            [new ContactEventView(1, Now.AddDays(-5), "consent", "Opted out by texting STOP"), new ContactEventView(2, Now.AddHours(-1), "consent", "Opted back in by texting START")],
            hasOlder: true));

        Assert.Equal(["-- Today --", "newest page starts here", "[Maria texted START: opted back in on Nov 27 at 5:00 PM]"], Rows(cut));
    }

    [Fact]
    public void WhenAnUnnamedNumberOptsOut_ThenTheLineNamesTheNumberAsPeopleWriteIt()
    {
        var state = Open([Text(1, Now, "STOP")], [new ContactEventView(1, Now, "consent", "Opted out by texting STOP")]) with
        {
            OpenThread = Maria with { ContactName = "+12125550147" },
        };

        var cut = Render(state);

        Assert.Equal("(212) 555-0147 texted STOP: opted out on Nov 27 at 6:00 PM", cut.Find("[data-testid=system-line]").TextContent);
    }

    [Theory]
    [InlineData(0, "Today")]
    [InlineData(-1, "Yesterday")]
    [InlineData(-2, "Wed, Nov 25")]
    [InlineData(-6, "Sat, Nov 21")]
    [InlineData(-400, "Thu, Oct 23, 2025")]
    public void WhenADayIsLabelled_ThenRecentDaysAreNamedAndOlderOnesDated(int daysAgo, string label)
    {
        var today = new DateOnly(2026, 11, 27);

        Assert.Equal(label, ConversationTimeline.DayLabel(today.AddDays(daysAgo), today));
    }
}
