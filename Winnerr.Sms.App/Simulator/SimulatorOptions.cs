namespace Winnerr.Sms.App.Simulator;

public sealed class SimulatorOptions
{
    public const string Section = "Simulator";

    /// <summary>How long the simulated carrier takes between queued, sent and delivered.</summary>
    public int StatusDelayMilliseconds { get; set; } = 400;
    /// <summary>Where the app can reach itself; found from the server's addresses when empty.</summary>
    public string? SelfBaseUrl { get; set; }
}
