using Winnerr.Sms.Core.Compliance;

namespace Winnerr.Sms.Tests.Domain;

public class OptOutKeywordsTests
{
    [Theory]
    [InlineData("STOP", KeywordKind.OptOut, "STOP")]
    [InlineData("stop", KeywordKind.OptOut, "STOP")]
    [InlineData("  Stop \n", KeywordKind.OptOut, "STOP")]
    [InlineData("STOPALL", KeywordKind.OptOut, "STOPALL")]
    [InlineData("unsubscribe", KeywordKind.OptOut, "UNSUBSCRIBE")]
    [InlineData("Cancel", KeywordKind.OptOut, "CANCEL")]
    [InlineData("END", KeywordKind.OptOut, "END")]
    [InlineData("quit", KeywordKind.OptOut, "QUIT")]
    [InlineData("REVOKE", KeywordKind.OptOut, "REVOKE")]
    [InlineData("OptOut", KeywordKind.OptOut, "OPTOUT")]
    [InlineData("START", KeywordKind.OptIn, "START")]
    [InlineData("unstop", KeywordKind.OptIn, "UNSTOP")]
    [InlineData("HELP", KeywordKind.Help, "HELP")]
    [InlineData(" info ", KeywordKind.Help, "INFO")]
    public void WhenWholeMessageIsAKeyword_ThenItMatches(string body, KeywordKind kind, string keyword)
    {
        Assert.Equal((kind, keyword), OptOutKeywords.Match(body));
    }

    [Theory]
    [InlineData("please stop texting me")]
    [InlineData("STOP!")]
    [InlineData("stop it")]
    [InlineData("Don't stop")]
    [InlineData("STOPPED")]
    [InlineData("start the showing at 3?")]
    [InlineData("help me find a condo")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void WhenKeywordIsOnlyPartOfTheMessage_ThenItIsAnOrdinaryMessage(string? body)
    {
        Assert.Equal((KeywordKind.None, (string?)null), OptOutKeywords.Match(body));
    }
}
