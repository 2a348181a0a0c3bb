using Winnerr.Sms.Core.History;

namespace Winnerr.Sms.Tests.Domain.History;

public class HighlighterTests
{
    private static string Marked(string text, string search) =>
        string.Concat(Highlighter.Split(text, SearchText.Parse(search)).Select(p => p.IsMatch ? $"[{p.Text}]" : p.Text));

    [Theory]
    [InlineData("The inspection is Tuesday", "insp", "The [inspection] is Tuesday")]
    [InlineData("The INSPECTION is Tuesday", "inspection", "The [INSPECTION] is Tuesday")]
    [InlineData("Meet at the Café Olé", "cafe ole", "Meet at the [Café] [Olé]")]
    [InlineData("Open house Saturday, open the house", "\"open house\"", "[Open house] Saturday, open the house")]
    [InlineData("Reinspect after the inspection", "insp", "Reinspect after the [inspection]")]
    [InlineData("a cat and a hat", "a", "[a] cat and [a] hat")]
    [InlineData("No match here", "zebra", "No match here")]
    [InlineData("Price 🏡 now", "price now", "[Price] 🏡 [now]")]
    [InlineData("", "x", "")]
    public void WhenTextIsSplit_ThenOnlyMatchingWordsAreMarked(string text, string search, string expected) =>
        Assert.Equal(expected, Marked(text, search));

    [Fact]
    public void WhenNothingIsSearched_ThenTheTextIsOnePlainPart()
    {
        var parts = Highlighter.Split("Hello there", SearchText.None);
        Assert.Equal([new Highlighter.Part("Hello there", false)], parts);
    }
}
