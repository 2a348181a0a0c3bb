namespace Winnerr.Sms.Core.Dialer;

/// <summary>What happened on a call, as the agent records it (the dialer's outcome buttons, data-outcome).</summary>
public static class CallOutcomes
{
    public const string Connected = "connected";
    public const string LeftVoicemail = "left-voicemail";
    public const string NoAnswer = "no-answer";
    public const string Busy = "busy";
    public const string BadNumber = "bad-number";
    public const string NotInterested = "not-interested";
    public const string DoNotCall = "do-not-call";
    public const string AppointmentSet = "appointment-set";

    /// <summary>In button order; the number keys 1–8 follow it.</summary>
    public static readonly IReadOnlyList<string> All = [Connected, LeftVoicemail, NoAnswer, Busy, BadNumber, NotInterested, DoNotCall, AppointmentSet];

    public static bool IsKnown(string? outcome) => outcome is not null && All.Contains(outcome);

    public static string Label(string outcome) => outcome switch
    {
        Connected => "Connected",
        LeftVoicemail => "Left voicemail",
        NoAnswer => "No answer",
        Busy => "Busy",
        BadNumber => "Bad number",
        NotInterested => "Not interested",
        DoNotCall => "Do not call",
        AppointmentSet => "Appointment set",
        _ => outcome,
    };

    /// <summary>A conversation happened: good dialers never auto-advance after one (the agent has notes to take).</summary>
    public static bool IsConversation(string? outcome) => outcome is Connected or AppointmentSet or NotInterested;

    /// <summary>
    /// The outcome the call's final status and answering-machine result point to, or null while the call is live.
    /// AnsweredBy comes from Twilio's AMD: human, machine_start, machine_end_beep/silence/other, fax, unknown.
    /// </summary>
    public static string? Suggest(string? status, string? answeredBy, int? durationSeconds = null)
    {
        if (!CallStatuses.IsFinal(status)) return null;
        var answered = answeredBy?.Trim().ToLowerInvariant();
        return status switch
        {
            CallStatuses.Busy => Busy,
            CallStatuses.NoAnswer => NoAnswer,
            CallStatuses.Failed => BadNumber,
            CallStatuses.Canceled => NoAnswer,
            _ when answered == "fax" => BadNumber,
            _ when answered is not null && answered.StartsWith("machine", StringComparison.Ordinal) => LeftVoicemail,
            _ when answered == "human" => Connected,
            // Completed without AMD: answered by someone; a zero-length call was not really a conversation.
            _ when durationSeconds == 0 => NoAnswer,
            _ => Connected,
        };
    }
}
