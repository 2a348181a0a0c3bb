using System.Text.RegularExpressions;

namespace Winnerr.Sms.Core.Suggestions;

/// <summary>
/// Where no suggestion may be made, whatever an engine thinks: the agent wrote last; an opt-out, opt-in or help
/// keyword; a revocation in the contact's words; an opted-out contact; and topics an agent must handle in person
/// (money wiring, legal questions, fair-housing steering, abuse). Rules first, so a blocked text never reaches a model.
/// </summary>
public static partial class SuggestionGate
{
    public static string? WhyNone(SuggestionInput input)
    {
        if (input.Last is not { } last) return "empty";
        if (last.Direction != MessageDirection.Inbound) return "outbound-last";
        if (input.Contact.IsOptedOut) return "opted-out";
        if (last.Keyword is not null || OptOutKeywords.Match(last.Body).Kind != KeywordKind.None) return "keyword";
        if (last.FlaggedRevocation || input.Contact.RevocationPending) return "revocation";
        var run = string.Join("\n", input.InboundRun().Select(t => t.Body));
        if (RevocationDetector.IsRevocation(last.Body) || LooksLikeStop(last.Body)) return "revocation";
        if (SensitiveTopic(run) is { } topic) return topic;
        return null;
    }

    /// <summary>STOP variants Twilio does not match ("STOP!!", "stop pls", "Stop 🛑").</summary>
    public static bool LooksLikeStop(string body) => StopVariant().IsMatch(body.Trim());

    public static string? SensitiveTopic(string text)
    {
        if (Wire().IsMatch(text)) return "money";
        if (Legal().IsMatch(text)) return "legal";
        if (Steering().IsMatch(text)) return "steering";
        if (Abuse().IsMatch(text)) return "abuse";
        return null;
    }

    [GeneratedRegex(@"^\W*(stop|unsubscribe|unsub|quit|cancel|end|optout|opt out|stahp|stopp+)\W*(it|now|please|pls|plz|texting|already|all)?\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StopVariant();

    [GeneratedRegex(@"\b(wir(e|ed|ing)\b|routing (number|#|no)|account (number|#|no)|bank (details|info|account)|earnest money|escrow (deposit|money)|zelle|venmo|cash ?app|bitcoin|crypto|gift cards?|(transfer|send|wire)\b.{0,30}\b(money|funds|deposit|down payment)|transferencia|cuenta bancaria)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Wire();

    [GeneratedRegex(@"\b(lawyers?|attorneys?|sue|suing|lawsuit|legal(ly)?|illegal|breach|back out of (the )?contract|my rights|small claims|abogado|demanda)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Legal();

    [GeneratedRegex(@"\b(safe (neighbou?rhood|area|street)|is it safe|crime|dangerous|what kind of (people|neighbou?rs)|minorit(y|ies)|immigrants?|ethnic|race|racial|hispanic|asian|mexicans?|muslims?|jewish|christian|church|religio(n|us)|(good|best|bad) schools?|schools? (good|any good|rated)|school district|family[- ]friendly|gay|seguro el barrio|barrio seguro)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Steering();

    [GeneratedRegex(@"(\bf+u+c+k+|\bf\*+k|\bsh[i1]t\b|\bbitch|\bass(hole)?\b|\bidiot|\bstupid|\bmoron|\bscam(mer)?s?\b|\bgo to hell|\bscrew you|\bkill|\bharass|\bpendej|\bmierda|\bchinga|\bestafa|\bf off\b|\bstfu\b|\bwtf\b|🖕)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Abuse();
}
