using System.Text.Json;

namespace CheckoutWatch.Ingest;

/// <summary>Turns the reader's exception into words for the client, with 1-based positions.</summary>
internal static class JsonErrorText
{
    /// <summary>"line 1, byte 17: …" for a whole body.</summary>
    public static string Describe(JsonException exception) =>
        exception.LineNumber is { } line && exception.BytePositionInLine is { } position
            ? $"line {line + 1}, byte {position + 1}: {Detail(exception)}"
            : Detail(exception);

    /// <summary>"line 3 is not valid JSON at byte 5: …" for one NDJSON line, read on its own.</summary>
    public static string DescribeLine(int lineNumber, JsonException exception) =>
        exception.BytePositionInLine is { } position
            ? $"line {lineNumber} is not valid JSON at byte {position + 1}: {Detail(exception)}"
            : $"line {lineNumber} is not valid JSON: {Detail(exception)}";

    private static string Detail(JsonException exception)
    {
        // The reader appends its own 0-based position, and advice meant for the server's code.
        var detail = exception.Message;
        var cut = detail.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            detail = detail[..cut];
        }

        return detail.Replace(" Change the reader options.", "", StringComparison.Ordinal);
    }
}
