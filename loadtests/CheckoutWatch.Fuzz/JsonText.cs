using System.Text.Encodings.Web;
using System.Text.Json;

namespace CheckoutWatch.Fuzz;

/// <summary>JSON string literals, escaped either strictly (non-ASCII as \uXXXX) or with raw UTF-8.</summary>
internal static class JsonText
{
    private static readonly JsonSerializerOptions _strict = new();
    private static readonly JsonSerializerOptions _relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Quote(string value, bool relaxed = false) => JsonSerializer.Serialize(value, relaxed ? _relaxed : _strict);
}
