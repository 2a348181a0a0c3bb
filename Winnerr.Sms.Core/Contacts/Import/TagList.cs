namespace Winnerr.Sms.Core.Contacts.Import;

/// <summary>Tags as typed in one or more cells: "buyer; hot | 2024".</summary>
internal static class TagList
{
    private static readonly char[] Separators = [',', ';', '|'];

    public static List<string> Parse(IEnumerable<string> cells)
    {
        var tags = new List<string>();
        foreach (var cell in cells)
            AddNew(tags, cell.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return tags;
    }

    /// <summary>Adds the tags not already in <paramref name="tags"/>, ignoring case; the first spelling stays.</summary>
    public static void AddNew(List<string> tags, IEnumerable<string> more)
    {
        foreach (var tag in more)
        {
            if (!tags.Exists(t => string.Equals(t, tag, StringComparison.OrdinalIgnoreCase)))
                tags.Add(tag);
        }
    }
}
