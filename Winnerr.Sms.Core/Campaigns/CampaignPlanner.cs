using Winnerr.Sms.Core.Templates;

namespace Winnerr.Sms.Core.Campaigns;

/// <summary>What a campaign would do, per recipient, before anything goes out.</summary>
public sealed record PlanRequest(string AgentName, string Body, TextPurpose Purpose, DateTimeOffset? StartAt);

/// <summary>
/// Decides each recipient's verdict with the same compliance gate the dispatcher applies at send time, so the
/// plan and the send agree; the dispatcher checks again when each text goes, since consent can change between.
/// </summary>
public sealed class CampaignPlanner(ComplianceGate gate, IMarketingWindow window, PhoneNumberNormalizer phones, IOptions<CampaignOptions> options)
{
    public CampaignPlan Plan(PlanRequest request, IReadOnlyList<PlanContact> contacts, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(request.Body)) return CampaignPlan.Failed("Write the text, or pick a template.");
        var (template, errors) = TemplateSyntax.Parse(request.Body);
        if (template is null || errors.Count > 0) return CampaignPlan.Failed(errors.FirstOrDefault()?.Message ?? "The text cannot be read.");
        if (request.StartAt is { } start && start <= now) return CampaignPlan.Failed("Pick a start time in the future, or start now.");
        if (request.StartAt is { } far && far > now + QueueOutboundHandler.MaxScheduleAhead) return CampaignPlan.Failed("A campaign can start up to 35 days ahead.");
        if (contacts.Count == 0) return CampaignPlan.Failed("Pick the recipients in People first.");
        if (contacts.Count > options.Value.MaxRecipients)
            return CampaignPlan.Failed($"A campaign can have at most {options.Value.MaxRecipients:N0} recipients; this one has {contacts.Count:N0}.");

        var at = request.StartAt ?? now;
        // Each row is independent (the phone-number lookups dominate): decided on every core, kept in order.
        var rows = contacts.Count < 500
            ? contacts.Select(c => PlanOne(request, template, c, at)).ToList()
            : contacts.AsParallel().AsOrdered().Select(c => PlanOne(request, template, c, at)).ToList();
        if (rows.FirstOrDefault(r => r.Text is { Length: > QueueOutboundHandler.MaxBodyLength }) is { } tooLong)
            return CampaignPlan.Failed($"The text for {tooLong.Name} would be {tooLong.Text!.Length:N0} characters; a text can be at most {QueueOutboundHandler.MaxBodyLength:N0}.");
        return new CampaignPlan(rows, Totals(rows));
    }

    private PlanRow PlanOne(PlanRequest request, ParsedTemplate template, PlanContact contact, DateTimeOffset at)
    {
        if (!phones.TryNormalize(contact.Phone, out var phone, out var invalid))
            return Skip(contact, PlanReasons.InvalidNumber, invalid);

        var decision = gate.Decide(new GateRequest(request.Purpose, contact.Name, phone, contact.TimeZone, contact.Consent, at, contact.MarketingSentLast24h));
        if (decision.Verdict == GateVerdict.Refuse) return Skip(contact, PlanReasons.FromGate(decision.Code!), decision.Reason);

        var zone = contact.TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var tz) ? tz : null;
        var rendered = TemplateRenderer.Render(template, new TemplateValues(contact.FirstName, request.AgentName, contact.PropertyAddress, contact.ShowingAt, zone));
        if (!rendered.Ok)
            return Skip(contact, PlanReasons.MissingToken, $"No value for {string.Join(", ", rendered.MissingTokens.Select(t => $"{{{{{t}}}}}"))}.");

        var (text, added) = request.Purpose == TextPurpose.Marketing && !contact.HadMarketing
            ? FirstMarketingNotice.Apply(rendered.Text!, request.AgentName)
            : (rendered.Text!, false);
        var size = SmsSegments.Measure(text);
        if (decision is { Verdict: GateVerdict.Hold, HoldUntil: { } until })
            return new PlanRow(contact.Id, contact.Name, phone, PlanVerdicts.Hold, PlanReasons.QuietHours, decision.Reason, text, size.Segments, size.EncodingName,
                added, until, window.LocalTime(until, phone, contact.TimeZone).ToString());
        return new PlanRow(contact.Id, contact.Name, phone, PlanVerdicts.Send, null, null, text, size.Segments, size.EncodingName, added, request.StartAt, null);
    }

    private static PlanRow Skip(PlanContact c, string reason, string? detail) =>
        new(c.Id, c.Name, c.Phone, PlanVerdicts.Skip, reason, detail, null, 0, null, false, null, null);

    private PlanTotals Totals(List<PlanRow> rows)
    {
        int send = 0, held = 0, segments = 0;
        var skipped = new Dictionary<string, int>();
        foreach (var r in rows)
        {
            switch (r.Verdict)
            {
                case PlanVerdicts.Send: send++; segments += r.Segments; break;
                case PlanVerdicts.Hold: held++; segments += r.Segments; break;
                default: skipped[r.Reason!] = skipped.GetValueOrDefault(r.Reason!) + 1; break;
            }
        }
        return new PlanTotals(rows.Count, send, held, rows.Count - send - held, skipped, segments, segments * options.Value.PricePerSegment);
    }
}
