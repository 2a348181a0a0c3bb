using Winnerr.Sms.Core.History;

namespace Winnerr.Sms.Tests.Domain.History;

public class HistorySearchTextTests
{
    [Theory]
    [InlineData("inspection", "\"inspection\"*")]
    [InlineData("Insp", "\"Insp\"*")]
    [InlineData("\"home inspection\"", "\"home inspection\"")]
    [InlineData("lopez \"open house\" sat", "\"lopez\"* AND \"open house\" AND \"sat\"*")]
    [InlineData("a", "\"a\"")]
    [InlineData("o'brien", "\"o brien\"*")]
    [InlineData("(212) 555-0147", "(\"2125550147\"* OR \"212 555 0147\")")]
    [InlineData("555-01", "\"555 01\"*")]
    [InlineData("café", "\"café\"*")]
    public void WhenWordsAndPhrasesAreTyped_ThenEachBecomesAQuotedTerm(string input, string expected)
    {
        var query = Fts5Query.For(SearchText.Parse(input), 7)!;
        var terms = query["AgentId : \"7\" AND ".Length..].Replace("{Body Contact} : ", "");
        Assert.Equal(expected, terms);
    }

    /// <summary>FTS5 syntax typed by a user: every piece must end up inside quotes, or be dropped.</summary>
    [Theory]
    [InlineData("\"")]
    [InlineData("\"\"\"")]
    [InlineData("\"unclosed phrase")]
    [InlineData("*")]
    [InlineData("insp*")]
    [InlineData("-price")]
    [InlineData("body:price")]
    [InlineData("AgentId:1")]
    [InlineData("{Body}: x")]
    [InlineData("(a OR b) AND NOT c")]
    [InlineData("NEAR(a b, 3)")]
    [InlineData("AND")]
    [InlineData("OR OR OR")]
    [InlineData("^start")]
    [InlineData("+1")]
    [InlineData("🏡 🔑")]
    [InlineData("price🏡now")]
    [InlineData("\ud83d")]
    [InlineData("'; DROP TABLE Messages; --")]
    [InlineData("\0\t\r\n")]
    public void WhenInputIsHostile_ThenNoFts5SyntaxSurvivesOutsideQuotes(string input)
    {
        var query = Fts5Query.For(SearchText.Parse(input), 7);
        if (query is null) return;
        var terms = query["AgentId : \"7\" AND ".Length..].Split(" AND ");
        foreach (var term in terms)
            Assert.Matches("^\\{Body Contact\\} : (\"[\\p{L}\\p{N}\\p{M}\\p{Co} ]+\"\\*?|\\(\"[0-9]+\"\\* OR \"[0-9 ]+\"\\))$", term);
    }

    [Fact]
    public void WhenInputIsVeryLong_ThenItIsCutToAFewTerms()
    {
        var text = SearchText.Parse(string.Join(' ', Enumerable.Repeat("word", 2_500)));
        Assert.Equal(SearchText.MaxTerms, text.Terms.Count);
        Assert.True(text.Input.Length <= SearchText.MaxLength);
    }

    [Fact]
    public void WhenOnlySymbolsAreTyped_ThenItIsASearchWithNothingToFind()
    {
        var text = SearchText.Parse("🏡 -- **");
        Assert.True(text.IsSearch);
        Assert.Empty(text.Terms);
        Assert.Null(Fts5Query.For(text, 1));
    }
}
