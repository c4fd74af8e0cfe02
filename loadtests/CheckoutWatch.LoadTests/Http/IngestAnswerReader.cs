using System.Text.Json;

namespace CheckoutWatch.LoadTests.Http;

/// <summary>Reads a <c>202</c> answer of <c>POST /api/v1/events</c>; a missing or unreadable body reads as null.</summary>
public static class IngestAnswerReader
{
    public static IngestAnswer? TryRead(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            using var doc = JsonDocument.ParseValue(ref reader);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var accepted = root.TryGetProperty("accepted", out var a) && a.TryGetInt32(out var av) ? av : 0;
            var duplicates = root.TryGetProperty("duplicates", out var d) && d.TryGetInt32(out var dv) ? dv : 0;
            var rejected = 0;
            string? first = null;
            if (root.TryGetProperty("rejected", out var r) && r.ValueKind == JsonValueKind.Array)
            {
                rejected = r.GetArrayLength();
                first = rejected > 0 ? Truncate(r[0].GetRawText()) : null;
            }

            return new IngestAnswer(accepted, duplicates, rejected, first);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string Truncate(string text, int max = 300) => text.Length <= max ? text : text[..max] + "…";
}
