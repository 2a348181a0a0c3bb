namespace Winnerr.Sms.App.Store.Flux;

/// <summary>
/// Lets the store commit every reducer result of an action before any StateChanged fires,
/// so handlers never observe a half-applied action across features.
/// </summary>
internal interface IMutableFeature : IFeature
{
    /// <returns>Whether the state is a new reference.</returns>
    bool SetState(object value);

    void NotifyStateChanged();
}
