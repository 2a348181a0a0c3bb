using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace Winnerr.Sms.App.Components.Layout;

/// <summary>
/// A MudBlazor icon as the markup MudIcon renders, for places that show it on every page (the app bar, the
/// navigation, the inbox header). A MudIcon is a component: its state and two render-tree buffers stay in every
/// circuit, about 4 KB each, for an SVG that never changes. One string per icon and classes, shared by all.
/// </summary>
public static class MudIconMarkup
{
    private static readonly ConcurrentDictionary<(string Icon, string Classes), MarkupString> Cache = new();

    /// <param name="icon">An <c>Icons.Material…</c> path set.</param>
    /// <param name="size">small, medium or large, as MudBlazor's Size.</param>
    /// <param name="classes">More classes, e.g. <c>mud-nav-link-icon mud-nav-link-icon-default</c>.</param>
    public static MarkupString Svg(string icon, string size = "medium", string? classes = null) =>
        Cache.GetOrAdd((icon, $"mud-icon-root mud-svg-icon mud-icon-size-{size}{(classes is null ? "" : " " + classes)}"), key =>
            new MarkupString($"<svg class=\"{key.Classes}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{key.Icon}</svg>"));
}
