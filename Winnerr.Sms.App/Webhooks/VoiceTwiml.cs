using Twilio.TwiML;
using Twilio.TwiML.Voice;
using Twilio.Types;

namespace Winnerr.Sms.App.Webhooks;

/// <summary>
/// The click-to-call TwiML (TwilioDevEd/clicktocall-csharp): once the agent answers, dial the contact from the
/// agent's Twilio number, with an action URL for the dialled leg's end and status callbacks for every event.
/// </summary>
public static class VoiceTwiml
{
    public static string Connect(DialerCall call, bool machineDetection, IVoiceCallbackUrls urls)
    {
        var dial = new Dial(callerId: call.From, action: new Uri(urls.DialAction(call.Id)), method: Twilio.Http.HttpMethod.Post, answerOnBridge: true);
        dial.Number(new PhoneNumber(call.To),
            statusCallbackEvent: [Number.EventEnum.Initiated, Number.EventEnum.Ringing, Number.EventEnum.Answered, Number.EventEnum.Completed],
            statusCallback: new Uri(urls.Status(call.Id, CallLeg.Contact)),
            statusCallbackMethod: Twilio.Http.HttpMethod.Post,
            machineDetection: machineDetection ? "Enable" : null,
            amdStatusCallback: machineDetection ? urls.Amd(call.Id) : null,
            amdStatusCallbackMethod: machineDetection ? Twilio.Http.HttpMethod.Post : null);
        return new VoiceResponse().Append(dial).ToString();
    }

    /// <summary>For a call that ended (or is not ours) before the agent picked up.</summary>
    public static string Hangup(string? say = null)
    {
        var response = new VoiceResponse();
        if (say is not null) response.Say(say);
        return response.Hangup().ToString();
    }
}
