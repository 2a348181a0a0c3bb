using System.Text.RegularExpressions;

namespace Winnerr.Sms.Core.Suggestions;

/// <summary>
/// What the conversation says beyond the last text: a time the agent proposed that the contact now accepts
/// ("Saturday at 2?" … "yes that works"), and whether the contact wrote in Spanish.
/// </summary>
public static partial class ConversationCues
{
    /// <summary>The time the agent's text proposes, as the agent wrote it ("Saturday at 2", "tomorrow at 10:30am"); null if none.</summary>
    public static string? ProposedTime(string? agentText)
    {
        if (string.IsNullOrWhiteSpace(agentText)) return null;
        var m = DayAndTime().Match(agentText);
        if (m.Success) return Tidy(m.Value);
        m = TimeAlone().Match(agentText);
        return m.Success ? Tidy(m.Value) : null;
    }

    /// <summary>A short yes: "yes that works", "sounds good 👍", "perfect see you then", "sí".</summary>
    public static bool IsAffirmation(string text)
    {
        var t = text.Trim();
        return t.Length <= 60 && Affirmation().IsMatch(t) && !t.Contains('?') && !Negation().IsMatch(t);
    }

    public static bool IsSpanish(string text)
    {
        var words = Words().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToList();
        if (words.Count == 0) return false;
        var hits = words.Count(SpanishWords.Contains);
        return hits >= 2 || (hits == 1 && words.Count <= 3) || text.Contains('¿') || text.Contains('¡');
    }

    private static readonly HashSet<string> SpanishWords =
        ["hola", "gracias", "casa", "la", "el", "los", "las", "es", "está", "esta", "todavía", "todavia", "sigue", "disponible", "cuánto", "cuanto",
         "cuesta", "precio", "quiero", "puedo", "podemos", "cita", "por", "favor", "sí", "si", "mañana", "manana", "para", "que", "qué", "dónde", "donde",
         "cuál", "cual", "tengo", "tiene", "hay", "nos", "con", "una", "un", "de", "llámame", "llamame", "oferta", "vender", "recámaras", "fotos", "perfecto",
         "bueno", "vale", "buenos", "días", "dias", "tardes", "noticias", "dirección", "direccion", "ver", "voy", "tarde", "encantó", "equivocado", "número"];

    private static string Tidy(string s) => Spaces().Replace(s.Trim(' ', ',', '.', '?', '!'), " ");

    private const string Day = @"(?:today|tonight|tomorrow|this (?:morning|afternoon|evening|weekend)|(?:this |next )?(?:mon|tues|wednes|thurs|fri|satur|sun)day)";
    private const string Time = @"(?:\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}:\d{2}|noon|\d{1,2}(?=\s|\?|$|,|\.))";

    [GeneratedRegex($@"\b{Day}\b(?:,)?\s*(?:at|@|around|by)?\s*{Time}|\b{Time}\s*(?:on\s+)?{Day}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayAndTime();

    [GeneratedRegex(@"\b(?:at|@)\s*(?:\d{1,2}(?::\d{2})?\s?(?:am|pm)?|noon)\b|\b\d{1,2}(?::\d{2})?\s?(?:am|pm)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeAlone();

    [GeneratedRegex(@"^(?:y(?:es|ep|up|eah|ea)|sure|ok(?:ay)?|k|perfect|great|sounds (?:good|great|perfect)|works|that works|(?:that )?works for (?:me|us)|see you (?:then|there)|confirmed|deal|absolutely|definitely|s[ií]|claro|perfecto|de acuerdo|va|👍|✅)\b?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Affirmation();

    [GeneratedRegex(@"\b(?:not|n't|no|can'?t|cannot|won'?t|instead|but)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Negation();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
