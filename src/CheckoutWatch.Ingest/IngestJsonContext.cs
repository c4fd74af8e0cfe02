using System.Text.Json.Serialization;

namespace CheckoutWatch.Ingest;

/// <summary>
/// Source-generated System.Text.Json metadata for the ingest response (camelCase wire names).
/// Use <c>IngestJsonContext.Default.IngestResponse</c>, or add <c>IngestJsonContext.Default</c>
/// to the host's <c>TypeInfoResolverChain</c>.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(IngestResponse))]
[JsonSerializable(typeof(RejectedEvent))]
[JsonSerializable(typeof(RejectedEvent[]))]
[JsonSerializable(typeof(ValidationError))]
public sealed partial class IngestJsonContext : JsonSerializerContext;
