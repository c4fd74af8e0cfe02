using System.Text.Json;

namespace CheckoutWatch.Fuzz;

/// <summary>The two counts of a 202 answer.</summary>
internal readonly record struct IngestCounts(int Accepted, int Duplicates)
{
    public static IngestCounts Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return new(document.RootElement.GetProperty("accepted").GetInt32(), document.RootElement.GetProperty("duplicates").GetInt32());
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return default;
        }
    }
}
