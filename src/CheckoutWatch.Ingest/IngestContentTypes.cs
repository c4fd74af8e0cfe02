namespace CheckoutWatch.Ingest;

/// <summary>Maps a request's <c>Content-Type</c> header to an <see cref="IngestFormat"/>.</summary>
public static class IngestContentTypes
{
    public const string Json = "application/json";
    public const string Ndjson = "application/x-ndjson";

    /// <summary>
    /// Accepts <c>application/json</c>, <c>application/x-ndjson</c> and <c>application/ndjson</c>
    /// (case-insensitive, parameters allowed). A <c>charset</c> other than UTF-8 is refused,
    /// because the parser reads UTF-8 only. False means "answer 415".
    /// </summary>
    public static bool TryGetFormat(string? contentType, out IngestFormat format)
    {
        format = default;
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return false;
        }

        var value = contentType.AsSpan();
        var semicolon = value.IndexOf(';');
        var mediaType = (semicolon < 0 ? value : value[..semicolon]).Trim();
        if (semicolon >= 0 && !HasUtf8Charset(value[(semicolon + 1)..]))
        {
            return false;
        }

        if (mediaType.Equals(Json, StringComparison.OrdinalIgnoreCase))
        {
            format = IngestFormat.Json;
            return true;
        }

        if (mediaType.Equals(Ndjson, StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/ndjson", StringComparison.OrdinalIgnoreCase))
        {
            format = IngestFormat.Ndjson;
            return true;
        }

        return false;
    }

    private static bool HasUtf8Charset(ReadOnlySpan<char> parameters)
    {
        foreach (var range in parameters.Split(';'))
        {
            var parameter = parameters[range].Trim();
            if (!parameter.StartsWith("charset=", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var charset = parameter["charset=".Length..].Trim().Trim('"');
            return charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
                || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
        }

        return true;
    }
}
