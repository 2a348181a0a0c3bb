using System.Diagnostics;
using Winnerr.Sms.Core.Templates;

namespace Winnerr.Sms.Bench;

/// <summary>One template rendered for 10,000 different contacts, as the bulk path will: parse once, render each.</summary>
public static class TemplateRendering
{
    public static int Run(int contacts)
    {
        const string body = "Hi {{ first_name | default: \"there\" }}, it's {{agent_name}}. Your showing at {{property_address}} is {{showing_time}}. Reply STOP to opt out.";
        var chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        var values = Enumerable.Range(0, contacts).Select(i => new TemplateValues(
            i % 7 == 0 ? null : $"Name{i}", "Alex Morgan", $"{100 + i} Maple Ave", DateTimeOffset.UtcNow.AddHours(i % 200), chicago)).ToList();

        var runs = new List<double>();
        var rendered = 0;
        for (var run = 0; run < 12; run++)
        {
            var started = Stopwatch.GetTimestamp();
            var (template, errors) = TemplateSyntax.Parse(body);
            if (template is null || errors.Count > 0) throw new InvalidOperationException("The benchmark template does not parse.");
            rendered = values.Count(v => TemplateRenderer.Render(template, v).Ok);
            if (run >= 2) runs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds); // two warm-up runs
        }
        Console.WriteLine($"template parsed once and rendered for {contacts:N0} contacts ({rendered:N0} rendered): {Stats.Describe(runs)}");
        return 0;
    }
}
