namespace Winnerr.Sms.App.Store.Flux;

public sealed class ActionDispatchedEventArgs(object action) : EventArgs
{
    public object Action { get; } = action;
}
