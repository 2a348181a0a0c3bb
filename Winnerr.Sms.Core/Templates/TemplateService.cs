namespace Winnerr.Sms.Core.Templates;

public sealed record TemplateInput(string Name, string Body, string? Category, bool Shared);

public sealed record TemplateSaveResult(long? Id, IReadOnlyList<string> Errors)
{
    public bool Saved => Id is not null;
}

/// <summary>Templates an agent can use: their own and the team's shared ones. Bodies are checked when saved.</summary>
public sealed class TemplateService(IDbContextFactory<SmsDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<TemplateView>> ListAsync(long agentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Templates.AsNoTracking().Where(t => t.AgentId == agentId || t.AgentId == null)
            .OrderBy(t => t.Category == null).ThenBy(t => t.Category).ThenBy(t => t.Name)
            .Select(t => new TemplateView(t.Id, t.Name, t.Body, t.Category, t.AgentId == null))
            .ToListAsync(ct);
    }

    /// <summary>Creates (id null) or updates a template. Shared templates are the admins' to write.</summary>
    public async Task<TemplateSaveResult> SaveAsync(long agentId, bool isAdmin, long? id, TemplateInput input, CancellationToken ct = default)
    {
        var errors = Validate(input).ToList();
        if (input.Shared && !isAdmin) errors.Add("Only admins can save shared team templates.");
        if (errors.Count > 0) return new TemplateSaveResult(null, errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        MessageTemplate? template;
        if (id is { } existing)
        {
            template = await db.Templates.FirstOrDefaultAsync(t => t.Id == existing && (t.AgentId == agentId || (t.AgentId == null && isAdmin)), ct);
            if (template is null) return new TemplateSaveResult(null, ["Template not found."]);
        }
        else
        {
            template = new MessageTemplate { Name = "", Body = "", CreatedAt = now };
            db.Templates.Add(template);
        }
        template.Name = input.Name.Trim();
        template.Body = input.Body.TrimEnd();
        template.Category = string.IsNullOrWhiteSpace(input.Category) ? null : input.Category.Trim();
        template.AgentId = input.Shared ? null : agentId;
        template.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return new TemplateSaveResult(template.Id, []);
    }

    public async Task<TemplateSaveResult> DuplicateAsync(long agentId, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var source = await db.Templates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && (t.AgentId == agentId || t.AgentId == null), ct);
        if (source is null) return new TemplateSaveResult(null, ["Template not found."]);
        var now = clock.GetUtcNow();
        var copy = new MessageTemplate { AgentId = agentId, Name = $"{source.Name} (copy)", Body = source.Body, Category = source.Category, CreatedAt = now, UpdatedAt = now };
        db.Templates.Add(copy);
        await db.SaveChangesAsync(ct);
        return new TemplateSaveResult(copy.Id, []);
    }

    public async Task<bool> DeleteAsync(long agentId, bool isAdmin, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Templates.Where(t => t.Id == id && (t.AgentId == agentId || (t.AgentId == null && isAdmin))).ExecuteDeleteAsync(ct) > 0;
    }

    /// <summary>
    /// Renders a body for a contact (by id, or by number for someone typed into New message). A token with
    /// no value and no fallback blocks the send, naming the token and the contact.
    /// </summary>
    public async Task<(string? Text, string? Error)> RenderAsync(long agentId, string agentName, string body, long? contactId, string? phone, CancellationToken ct = default)
    {
        var (text, error, _) = await RenderCheckedAsync(agentId, agentName, body, contactId, phone, ct);
        return (text, error);
    }

    /// <summary>Renders for a contact, and warns when the text would tell them a showing time that has passed.</summary>
    public async Task<(string? Text, string? Error, string? Warning)> RenderCheckedAsync(long agentId, string agentName, string body, long? contactId, string? phone,
        CancellationToken ct = default)
    {
        var (parsed, errors) = TemplateSyntax.Parse(body);
        if (parsed is null || errors.Count > 0) return (null, errors.FirstOrDefault()?.Message ?? "The template cannot be read.", null);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contact = contactId is { } cid
            ? await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cid && c.AgentId == agentId, ct)
            : phone is null ? null : await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Phone == phone && c.AgentId == agentId, ct);
        var zone = contact?.TimeZone is { } name && TimeZoneInfo.TryFindSystemTimeZoneById(name, out var tz) ? tz : null;
        var result = TemplateRenderer.Render(parsed, new TemplateValues(contact?.FirstName, agentName, contact?.PropertyAddress, contact?.ShowingAt, zone));
        var who = contact?.DisplayName ?? phone ?? "this contact";
        if (result.Ok)
        {
            var past = contact?.ShowingAt is { } at && at < clock.GetUtcNow() && body.Contains("showing_time", StringComparison.Ordinal);
            return (result.Text, null, past ? $"{who}'s showing time on record has passed. Check the time in the text before sending." : null);
        }
        var missing = string.Join(", ", result.MissingTokens.Select(t => $"{{{{{t}}}}}"));
        return (null, $"{who} has no value for {missing}. Add it to their profile, or give the token a fallback like {{{{ {result.MissingTokens[0]} | default: \"...\" }}}}.", null);
    }

    public static IEnumerable<string> Validate(TemplateInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Name)) yield return "Give the template a name.";
        else if (input.Name.Trim().Length > 100) yield return "Names can be at most 100 characters.";
        if (string.IsNullOrWhiteSpace(input.Body)) { yield return "Write the template's text."; yield break; }
        if (input.Body.Length > QueueOutboundHandler.MaxBodyLength) yield return $"A text can be at most {QueueOutboundHandler.MaxBodyLength:N0} characters.";
        foreach (var error in TemplateSyntax.Parse(input.Body).Errors) yield return error.Message;
    }
}
