namespace Winnerr.Sms.App.Simulator;

/// <summary>
/// Stands in for Twilio when no account is configured. Like Twilio it answers a send with a SID and
/// "queued", then posts signed status callbacks (sent, then delivered) to the app's real status
/// endpoint; Twilio's magic test numbers fail with their documented error codes, and a contact who
/// texted STOP cannot be texted (21610) until they text START. What it accepts it keeps (as Twilio keeps
/// its message log), durably, before answering, so reconciling an unrecorded send works as with Twilio.
/// </summary>
public sealed class SimulatorSmsSender(
    TwilioWebhookClient webhooks,
    IDbContextFactory<SmsDbContext> dbFactory,
    SimulatorLog log,
    IOptions<SimulatorOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<SimulatorSmsSender> logger) : ISmsSender
{
    // https://www.twilio.com/docs/iam/test-credentials#test-sms-messages-parameters-To
    private static readonly Dictionary<string, (int Code, string Message)> MagicNumbers = new()
    {
        ["+15005550001"] = (21211, "The 'To' number +15005550001 is not a valid phone number."),
        ["+15005550002"] = (21612, "The 'To' phone number: +15005550002, is not currently reachable using the 'From' phone number via SMS."),
        ["+15005550003"] = (21408, "Permission to send an SMS has not been enabled for the region indicated by the 'To' number: +15005550003."),
        ["+15005550004"] = (21610, "Attempt to send to unsubscribed recipient"),
        ["+15005550009"] = (21614, "'To' number is not a valid mobile number"),
    };

    public async Task<SendResult> SendAsync(OutboundSms sms, CancellationToken ct = default)
    {
        // Stamped on arrival, as a provider counts a sender's rate by the requests it receives.
        var received = clock.GetUtcNow();
        // The rest happens at the provider, not on the caller's thread.
        await Task.Yield();
        if (MagicNumbers.TryGetValue(sms.To, out var refusal)) return SendResult.Refused(SendOutcome.Final, refusal.Code, refusal.Message);

        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            // Twilio only knows keyword opt-outs (it blocks the number until START); one recorded by the
            // agent or a revocation in the contact's own words is ours to enforce, not the carrier's.
            var keywords = OptOutKeywords.StoredOptOut;
            var optedOut = await db.Contacts.AnyAsync(c => c.Phone == sms.To && c.IsOptedOut && c.OptOutKeyword != null && keywords.Contains(c.OptOutKeyword)
                && db.AgentNumbers.Any(n => n.AgentId == c.AgentId && n.PhoneNumber == sms.From), ct);
            if (optedOut) return SendResult.Refused(SendOutcome.Final, 21610, "Attempt to send to unsubscribed recipient");
        }

        var sid = TwilioWebhookClient.NewSid();
        await log.AppendAsync(new SimulatedProviderMessage { Sid = sid, From = sms.From, To = sms.To, Body = sms.Body, CreatedAt = received });
        Accepted?.Invoke(sms, sid);
        _ = DeliverAsync(sms, sid);
        return SendResult.Accepted(sid, MessageStatus.Queued);
    }

    /// <summary>Raised for every accepted send, for tests and benchmarks that watch what reached the provider.</summary>
    public event Action<OutboundSms, string>? Accepted;

    public async Task<ProviderMessage?> FindAcceptedAsync(OutboundSms sms, DateTimeOffset since, IReadOnlySet<string> knownSids, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var candidates = await db.SimulatedProviderMessages.AsNoTracking()
            .Where(m => m.From == sms.From && m.To == sms.To && m.CreatedAt >= since)
            .OrderByDescending(m => m.CreatedAt).ToListAsync(ct);
        var match = candidates.FirstOrDefault(m => m.Body == sms.Body && !knownSids.Contains(m.Sid));
        return match is null ? null : new ProviderMessage(match.Sid, match.Status);
    }

    private async Task DeliverAsync(OutboundSms sms, string sid)
    {
        var stopping = lifetime.ApplicationStopping;
        try
        {
            foreach (var status in new[] { MessageStatus.Sent, MessageStatus.Delivered })
            {
                await Task.Delay(options.Value.StatusDelayMilliseconds, stopping);
                using var response = await webhooks.PostAsync($"/webhooks/twilio/status?mid={sms.MessageId}", new Dictionary<string, string>
                {
                    ["AccountSid"] = webhooks.AccountSid, ["ApiVersion"] = "2010-04-01", ["MessageSid"] = sid, ["SmsSid"] = sid,
                    ["MessageStatus"] = status, ["SmsStatus"] = status, ["From"] = sms.From, ["To"] = sms.To,
                }, stopping);
                if (!response.IsSuccessStatusCode)
                    logger.LogWarning("Simulated status callback {Status} for {Sid} answered {Code}", status, sid, (int)response.StatusCode);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning(ex, "Simulated status callback for {Sid} could not be posted", sid);
        }
    }
}
