using System.Text.Json;
using CheckoutWatch.Detection.Events;
using CheckoutWatch.Ingest;
using CheckoutWatch.Server.Ingest;
using CheckoutWatch.Server.Telemetry;
using StackExchange.Redis;

namespace CheckoutWatch.Server.Streams;

/// <summary>
/// Reads one stream entry with the HTTP ingest's parser and rules: its <c>data</c> field holds
/// one event object, a JSON array of events, or NDJSON lines — exactly what
/// <c>POST /api/v1/events</c> accepts.
/// </summary>
public sealed class StreamEntryDecoder(EventBatchParser parser, TimeProvider clock)
{
    public const string DataField = "data";

    /// <summary>The most events applied in one go, as for one HTTP request.</summary>
    public int MaxBatchEvents => parser.Limits.MaxBatchEvents;

    public DecodedEntry Decode(StreamEntry entry)
    {
        var data = entry[DataField];
        if (data.IsNullOrEmpty)
        {
            return DecodedEntry.Poison(entry.Id, $"The entry has no '{DataField}' field with the event JSON.");
        }

        var bytes = (byte[])data!;
        if (bytes.Length > parser.Limits.MaxBodyBytes)
        {
            return DecodedEntry.Poison(entry.Id, $"The entry holds {bytes.Length} bytes, more than the {parser.Limits.MaxBodyBytes} an ingest batch may.");
        }

        // An array is a JSON batch; anything else (one object, or lines of them) is NDJSON.
        var body = bytes.AsSpan();
        var start = body.IndexOfAnyExcept(" \t\r\n\uFEFF"u8);
        var format = start >= 0 && body[start] == (byte)'[' ? IngestFormat.Json : IngestFormat.Ndjson;
        var parsed = parser.Parse(body, format, clock.GetUtcNow());
        if (parsed.IsBatchFailure)
        {
            return DecodedEntry.Poison(entry.Id, parsed.Failure.Message);
        }

        IngestMetrics.Record("stream", new IngestOutcome(0, 0), parsed.Rejected);
        var rejected = parsed.Rejected.Count == 0
            ? null
            : JsonSerializer.Serialize(parsed.Rejected.ToArray(), IngestJsonContext.Default.RejectedEventArray);
        return new DecodedEntry(entry.Id, parsed.Events, rejected) { Parsed = parsed };
    }
}

/// <summary>
/// A decoded entry: its valid events, and — when some or all of it was refused — why, as the
/// HTTP answer's <c>rejected</c> list or a sentence.
/// </summary>
public sealed record DecodedEntry(RedisValue Id, IReadOnlyList<CheckoutEvent> Events, string? Reason)
{
    /// <summary>The parse, when the entry was JSON the parser could read (null for poison).</summary>
    public BatchParseResult? Parsed { get; init; }

    /// <summary>
    /// Why the entry is dead-lettered once the grains answered: the parser's rejections plus the
    /// events a full session refused (positions among <see cref="Events"/>), in the HTTP answer's shape.
    /// </summary>
    public string? ReasonAfter(IReadOnlyList<int> sessionFull) =>
        sessionFull.Count == 0 || Parsed is null
            ? Reason
            : JsonSerializer.Serialize(SessionFullRejections.Merge(Parsed, sessionFull).ToArray(), IngestJsonContext.Default.RejectedEventArray);

    public static DecodedEntry Poison(RedisValue id, string reason) => new(id, [], reason);
}
