using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Winnerr.Sms.App.Webhooks;

/// <summary>
/// Reads a webhook's form strictly. ASP.NET's reader keeps an undecodable escape as literal text
/// ("%FF%FE" becomes those six characters, stored as the message) and throws on "%00". Twilio always
/// sends well-formed UTF-8, so anything else is a corrupt request, refused before it is stored.
/// </summary>
public static class WebhookForm
{
    /// <summary>Twilio's largest webhook is a few kilobytes; the cap bounds what an unsigned caller can make us buffer.</summary>
    public const int MaxBytes = 256 * 1024;
    public const int MaxFields = 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads the body into <see cref="HttpRequest.Form"/>, so handlers see exactly what was validated.</summary>
    /// <returns>The form, or why it could not be decoded.</returns>
    public static async Task<(IFormCollection? Form, string? Error)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        // Parameter binding runs before endpoint filters: a [FromForm] parameter would have read the body leniently already.
        if (request.HttpContext.Features.Get<IFormFeature>() is { Form: not null })
            throw new InvalidOperationException("A webhook handler bound the form before it was validated; read it with ReadFormAsync instead.");
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.Charset is { Length: > 0 } charset
            && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
            return (null, $"the charset {charset} is not UTF-8.");
        if (request.ContentLength > MaxBytes) return (null, TooLarge);

        byte[] body;
        try
        {
            var read = await ReadCappedAsync(request.BodyReader, ct);
            if (read is null) return (null, TooLarge);
            body = read;
        }
        catch (BadHttpRequestException e)
        {
            return (null, $"the body could not be read ({e.Message}).");
        }

        var error = TryParse(body, out var fields);
        if (error is not null) return (null, error);
        var form = new FormCollection(fields);
        request.Form = form;
        return (form, null);
    }

    /// <returns>Null when the body decodes, otherwise why not.</returns>
    public static string? TryParse(ReadOnlySpan<byte> body, out Dictionary<string, StringValues> fields)
    {
        // Case-insensitive like ASP.NET's own form, so form["MessageSid"] reads the same either way.
        fields = new(StringComparer.OrdinalIgnoreCase);
        var count = 0;
        foreach (var range in body.Split((byte)'&'))
        {
            var pair = body[range];
            if (pair.IsEmpty) continue;
            if (++count > MaxFields) return $"it has more than {MaxFields} fields.";
            var equals = pair.IndexOf((byte)'=');
            if (equals <= 0) return "a part of the body is not a name=value pair.";
            if (TryDecode(pair[..equals], "a field name", out var name) is { } nameError) return nameError;
            if (TryDecode(pair[(equals + 1)..], name, out var value) is { } valueError) return valueError;
            fields[name] = fields.TryGetValue(name, out var existing) ? StringValues.Concat(existing, value) : new StringValues(value);
        }
        return null;
    }

    private const string TooLarge = "the body is larger than 256 KB.";

    private static async Task<byte[]?> ReadCappedAsync(System.IO.Pipelines.PipeReader reader, CancellationToken ct)
    {
        while (true)
        {
            var read = await reader.ReadAsync(ct);
            if (read.Buffer.Length > MaxBytes)
            {
                reader.AdvanceTo(read.Buffer.End);
                return null;
            }
            if (read.IsCompleted)
            {
                var bytes = read.Buffer.ToArray();
                reader.AdvanceTo(read.Buffer.End);
                return bytes;
            }
            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    private static string? TryDecode(ReadOnlySpan<byte> encoded, string what, out string text)
    {
        text = "";
        var bytes = new byte[encoded.Length];
        var length = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            var b = encoded[i];
            if (b == '+') b = (byte)' ';
            else if (b == '%')
            {
                var hex = encoded.Slice(i + 1, Math.Min(2, encoded.Length - i - 1));
                if (hex.Length < 2 || !byte.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out b))
                    return $"{what} has an invalid percent-escape '%{Encoding.ASCII.GetString(hex)}'.";
                i += 2;
            }
            bytes[length++] = b;
        }
        try
        {
            // The strict decoder also refuses encoded surrogates (e.g. %ED%A0%80): they are not UTF-8.
            text = StrictUtf8.GetString(bytes, 0, length);
        }
        catch (DecoderFallbackException)
        {
            return $"{what} is not valid UTF-8.";
        }
        return text.Contains('\0') ? $"{what} contains a NUL character." : null;
    }
}
