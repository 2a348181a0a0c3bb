namespace Winnerr.Sms.App.Components;

public static class Avatar
{
    /// <summary>"ML" for Maria Lopez; "#" for someone known only by number.</summary>
    public static string Initials(string name) => name.StartsWith('+')
        ? "#"
        : string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2).Select(w => char.ToUpperInvariant(w[0])));
}
