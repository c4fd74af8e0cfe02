using System.Text.Json;
using System.Text.Json.Serialization;

namespace CheckoutWatch.LoadTests.Reports;

/// <summary>The report as JSON, for tools: every figure including the per-second series and the percentile distribution.</summary>
public static class JsonReport
{
    private static readonly JsonSerializerOptions _options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string Render(ScenarioReport report) => JsonSerializer.Serialize(report, _options);
}
