using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Winnerr.Sms.Core.Compliance;

/// <summary>
/// Spots a revocation of consent written in the contact's own words. Since 11 Apr 2025 consent can be revoked
/// by any reasonable means (47 CFR 64.1200(a)(10)), but Twilio acts only on an exact keyword, so "stop texting
/// me" reaches us as an ordinary message; a match is flagged for review and holds marketing. Exact keywords
/// return false: Twilio and <see cref="OptOutKeywords"/> already handle them. The rules prefer precision on
/// messages that only mention stopping ("can we stop by at 5?").
/// </summary>
public static class RevocationDetector
{
    /// <summary>Words that, alone or with <see cref="Fillers"/>, make a revocation: "STOP.", "Stop please".</summary>
    private static readonly HashSet<string> StopWords =
        ["stop", "stopall", "quit", "end", "cancel", "unsubscribe", "unsub", "optout", "revoke", "remove", "basta", "alto", "para", "parar", "cancelar"];

    private static readonly HashSet<string> Fillers =
        ["please", "pls", "plz", "now", "me", "all", "it", "right", "thanks", "thank", "you", "thx", "ty", "ok", "okay", "already",
         "asap", "again", "immediately", "por", "favor", "porfa", "ya", "gracias"];

    private const string Texts = "(?:texts?|texting|txts?|txting|sms|messages?|messaging|msgs?|msging)";

    private static readonly Regex[] Phrases = [.. new[]
    {
        // stop / quit / cease / end + what they do: "stop texting me", "quit sending these", "stop all contact".
        // Not "stop by", "stop at", "end of the month".
        @"\b(?:stop|quit|cease|end|halt) (?!(?:by|at|in|over|off|for|of)\b)(?:\w+ ){0,3}?(?:TEXTS|contact|contacting|communications?|calling|sending|spamming|bugging|bothering|harassing|pestering)\b",
        @"\bunsub(?:scribe)?\b",
        @"\boptout\b",
        // "opt out", unless of something other than the texts: "can we opt out of the HOA?"
        @"\bopt (?:me )?out\b(?! of\b(?!(?: \w+){0,2} (?:TEXTS|list|marketing|contacts?|alerts|notifications)\b))",
        // "remove me from your list", "take me off this list"; "waitlist" is not a list of contacts.
        @"\b(?:remove|take|delete|drop|scratch) (?:me|us|my (?:number|name|info|contact(?: info)?|phone(?: number)?|cell)) (?:off|from|out of) (?:\w+ ){0,3}?(?:lists?|TEXTS|database|system|contacts|distribution|marketing)\b",
        @"\btake me off(?: please| now)?$",
        @"\bno more (?:\w+ ){0,2}?(?:TEXTS|spam|marketing|promos?|promotions?|ads)\b",
        // "don't text me anymore", "do not contact me"; not a time preference such as "don't text me before 9".
        @"\b(?:dont|do not|never) (?:ever )?(?:text|txt|message|msg|sms|contact|spam|bother) (?:me|us|this number|my number)\b(?! (?:before|after|until|till|at|on|during|while|tomorrow|today|tonight|this|next|between|past|so)\b)",
        @"\b(?:dont|do not) contact(?: me)?$",
        @"\b(?:dont|do not|never) (?:ever )?send (?:me )?(?:any )?(?:more )?(?:TEXTS|spam|promotions?|marketing)\b",
        // "I don't want these messages"; nouns only, so "I don't want to text, call me" passes.
        @"\b(?:dont|do not|no longer) (?:want|wish|need) (?:\w+ ){0,3}?(?:texts|txts|sms|messages|msgs|text messages|spam|marketing|promotions)\b",
        @"\bleave me alone\b",
        @"\b(?:lose|delete|erase|forget|remove) (?:my|this) (?:number|phone number|cell(?: number)?|contact(?: info)?|info)\b",
        @"\btake my (?:number|name|info) off\b",
        @"\bcancel (?:\w+ ){0,2}?(?:subscription|TEXTS|alerts|notifications|marketing)\b",
        @"\b(?:revoke|revoking|withdraw|withdrawing) (?:my |all )?consent\b",
        @"\bcease and desist\b",
        @"\bdo not (?:call|text|contact) list\b",
        // Spanish: "no me mandes más mensajes", "deja de escribirme", "dame de baja", "borra mi número".
        @"\bno (?:me )?(?:mandes|mande|manden|envies|envie|envien) (?:mas )?(?:\w+ )?(?:mensajes|textos|msjs|sms|nada|promociones|publicidad)\b",
        @"\bno (?:me )?(?:escribas|escriba|escriban|contactes|contacte|contacten|molestes|moleste|molesten)\b",
        @"\bno mas (?:mensajes|textos|msjs|sms)\b",
        @"\b(?:deja|dejen|deje|dejar) de (?:escribir|mandar|enviar|contactar|molestar|textear)",
        @"\b(?:dame|darme|denme|dar) de baja\b",
        @"\bcancelar? (?:mi )?(?:suscripcion|mensajes)\b",
        @"\bya no (?:quiero|deseo) (?:\w+ ){0,2}?(?:mensajes|textos|msjs)\b",
        @"\bborr(?:a|ar|en) (?:mi|este) numero\b",
    }.Select(p => new Regex(p.Replace("TEXTS", Texts), RegexOptions.CultureInvariant))];

    /// <summary>"don't stop sending listings", "why did you stop sending listings?": a negated or past match.</summary>
    private static readonly Regex NegatedBefore = new(@"\b(?:dont|do not|didnt|did|never|cant|shouldnt|wouldnt) (?:\w+ )?$", RegexOptions.CultureInvariant);

    private static readonly Regex EmailOnly = new(@"\b(?:e ?mails?|newsletters?)\b", RegexOptions.CultureInvariant);
    private static readonly Regex MentionsTexts = new($@"\b{Texts}\b", RegexOptions.CultureInvariant);
    private static readonly Regex ClauseBreak = new(@"[.!?¡¿;,:\n\r()…]+", RegexOptions.CultureInvariant);
    private static readonly Regex Repeats = new(@"(\p{L})\1{2,}", RegexOptions.CultureInvariant);
    private static readonly Regex Spaces = new(@"\s+", RegexOptions.CultureInvariant);

    public static bool IsRevocation(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || OptOutKeywords.Match(body).Kind == KeywordKind.OptOut) return false;
        return ClauseBreak.Split(body.Replace("'", "").Replace("’", ""))
            .Select(Normalize)
            .Where(clause => clause.Length > 0)
            .Any(clause => IsOnlyStopWords(clause) || MatchesPhrase(clause));
    }

    /// <summary>Lowercase, no accents or punctuation, "stoooop" as "stop", single spaces.</summary>
    private static string Normalize(string clause)
    {
        var text = new StringBuilder(clause.Length);
        foreach (var c in clause.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            text.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        return Spaces.Replace(Repeats.Replace(text.ToString(), "$1"), " ").Trim();
    }

    private static bool IsOnlyStopWords(string clause)
    {
        var words = clause.Split(' ');
        return words.Length <= 6
            && words.All(w => StopWords.Contains(w) || Fillers.Contains(w))
            && words.Any(StopWords.Contains)
            // "stop it", "quit it"; but "cancel it" answers a showing confirmation.
            && (!words.Contains("it") || words.Contains("stop") || words.Contains("quit"));
    }

    private static bool MatchesPhrase(string clause)
    {
        // "can you stop the showing reminder emails?" is about email, not consent to text.
        if (EmailOnly.IsMatch(clause) && !MentionsTexts.IsMatch(clause)) return false;
        return Phrases.Any(phrase => phrase.Matches(clause).Any(m => !NegatedBefore.IsMatch(clause[..m.Index])));
    }
}
