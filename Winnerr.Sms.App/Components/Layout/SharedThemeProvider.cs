using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.RenderTree;
using MudBlazor;

namespace Winnerr.Sms.App.Components.Layout;

/// <summary>
/// MudBlazor's theme provider, rendering one shared copy of its markup. The stock one builds its theme's CSS
/// again in every circuit and keeps it in that circuit's render tree: one large string per open page (67 KB in
/// the heap diff of 10 → 20 inbox pages) for text that is the same for everyone. Cached per theme instance, so
/// pass one shared theme, not a new one per render.
/// </summary>
public sealed class SharedThemeProvider : MudThemeProvider
{
    private static readonly ConcurrentDictionary<(MudTheme? Theme, bool Dark, bool DefaultScrollbar), string?> Markup = new();

    // MudBlazor 9 gives every provider a default theme of its own (a private field set in its constructor) beside
    // the one passed in: ~10 KB of palettes and colours per open page. One copy for all; none if the field moves.
    private static readonly FieldInfo? DefaultThemeField =
        typeof(MudThemeProvider).GetField("_originalMudTheme", BindingFlags.Instance | BindingFlags.NonPublic) is { } field
        && field.FieldType == typeof(MudTheme) ? field : null;
    private static readonly MudTheme DefaultTheme = new();

    public SharedThemeProvider() => DefaultThemeField?.SetValue(this, DefaultTheme);

    /// <summary>The default theme this provider holds, for tests.</summary>
    internal MudTheme? HeldDefaultTheme => DefaultThemeField?.GetValue(this) as MudTheme;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
#pragma warning disable MUD0010 // read for the cache key only; the base render reads its own state
        var key = (Theme, IsDarkMode, DefaultScrollbar);
#pragma warning restore MUD0010
        var markup = Markup.GetOrAdd(key, _ => Capture());
        if (markup is null) base.BuildRenderTree(builder); // not plain markup in this MudBlazor version: render as it does
        else builder.AddMarkupContent(0, markup);
    }

    /// <summary>The stock render as one string, when it is nothing but markup.</summary>
#pragma warning disable BL0006 // reading frames of our own scratch render, as test renderers do
    private string? Capture()
    {
        var scratch = new RenderTreeBuilder();
        base.BuildRenderTree(scratch);
        var frames = scratch.GetFrames();
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames.Array[i];
            if (frame.FrameType != RenderTreeFrameType.Markup) return null;
            text.Append(frame.MarkupContent);
        }
        return text.ToString();
    }
#pragma warning restore BL0006
}
