using Bunit;
using Winnerr.Sms.App.Components.Inbox;
using Winnerr.Sms.Core.Conversations;
using Winnerr.Sms.Core.Messaging;
using Winnerr.Sms.Tests.TestSupport;

namespace Winnerr.Sms.Tests.Components;

/// <summary>Links in texts open in a new tab, safely; everything else a contact writes stays text.</summary>
public class MessageLinkTests : InboxComponentTestBase
{
    private IRenderedComponent<MessageBubble> Render(string body) =>
        Ctx.Render<MessageBubble>(p => p.Add(x => x.Message, new MessageView(1, 1, MessageDirection.Inbound, body, MessageStatus.Received, null, null, Now)));

    [Fact]
    public void WhenATextHasWebLinks_ThenTheyOpenInANewTabWithoutTheOpenerOrReferrer()
    {
        var cut = Render("Photos: https://example.com/listing?id=4&view=all. Also see www.zillow.com/homes, thanks!");

        var links = cut.FindAll("[data-testid=message-link]");
        Assert.Equal(["https://example.com/listing?id=4&view=all", "https://www.zillow.com/homes"], links.Select(a => a.GetAttribute("href")));
        Assert.Equal(["https://example.com/listing?id=4&view=all", "www.zillow.com/homes"], links.Select(a => a.TextContent));
        Assert.All(links, a =>
        {
            Assert.Equal("_blank", a.GetAttribute("target"));
            Assert.Equal("noopener noreferrer nofollow", a.GetAttribute("rel"));
        });
        Assert.Equal("Photos: https://example.com/listing?id=4&view=all. Also see www.zillow.com/homes, thanks!", cut.Find(".message__bubble").TextContent);
    }

    [Fact]
    public void WhenATextHoldsMarkupOrOtherSchemes_ThenItIsShownAsTextAndNothingElseBecomesALink()
    {
        const string body = "<script>alert(1)</script> <a href=\"javascript:alert(2)\">x</a> javascript:alert(3) data:text/html,hi <img src=x onerror=alert(4)>";

        var cut = Render(body);

        var bubble = cut.Find(".message__bubble");
        Assert.Equal(body, bubble.TextContent);
        Assert.Empty(bubble.Children);
        Assert.DoesNotContain("<script>", cut.Markup);
        Assert.Contains("&lt;script&gt;", cut.Markup);
    }

    [Fact]
    public void WhenALinkCarriesQuotesOrAngleBrackets_ThenTheyEndTheLinkAndStayEncoded()
    {
        var cut = Render("https://example.com/a\"onmouseover=\"alert(1) and https://example.com/b<script>");

        var links = cut.FindAll("[data-testid=message-link]");
        Assert.Equal(["https://example.com/a", "https://example.com/b"], links.Select(a => a.GetAttribute("href")));
        Assert.Null(links[0].GetAttribute("onmouseover"));
        Assert.DoesNotContain("<script>", cut.Markup);
    }

    [Theory]
    [InlineData("see https://en.wikipedia.org/wiki/Foo_(bar)).", "https://en.wikipedia.org/wiki/Foo_(bar)")]
    [InlineData("(https://example.com/x)", "https://example.com/x")]
    [InlineData("HTTPS://EXAMPLE.COM/Path?", "https://example.com/Path")]
    [InlineData("http://192.168.1.20:8080/tour", "http://192.168.1.20:8080/tour")]
    public void WhenPunctuationFollowsALink_ThenItIsNotPartOfIt(string body, string href) =>
        Assert.Equal(href, Assert.Single(MessageText.Split(body), p => p.Href is not null).Href);

    [Theory]
    [InlineData("ftp://example.com/file")]
    [InlineData("http://")]
    [InlineData("www.")]
    [InlineData("mailto:maria@example.com")]
    [InlineData("no links here")]
    public void WhenThereIsNoWebLink_ThenTheTextIsOnePlainPart(string body) =>
        Assert.Equal([new MessageText.Part(body)], MessageText.Split(body));
}
