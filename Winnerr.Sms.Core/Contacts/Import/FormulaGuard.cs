using System.Text.RegularExpressions;

namespace Winnerr.Sms.Core.Contacts.Import;

/// <summary>Keeps spreadsheets from running exported text as a formula (CSV injection).</summary>
public static partial class FormulaGuard
{
    // Tab and CR are on OWASP's list too: Excel skips them and then reads the formula after.
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static string Protect(string? value)
    {
        if (string.IsNullOrEmpty(value) || Array.IndexOf(FormulaStarts, value[0]) < 0 || E164().IsMatch(value))
            return value ?? "";
        return "'" + value;
    }

    [GeneratedRegex(@"^\+\d{8,15}$")]
    private static partial Regex E164();
}
