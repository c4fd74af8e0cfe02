using CheckoutWatch.Detection.Events;
using CheckoutWatch.Server.Configuration;
using CheckoutWatch.Server.Ingest;
using CheckoutWatch.Server.Telemetry;
using StackExchange.Redis;

namespace CheckoutWatch.Server.Streams;

/// <summary>
/// One node's member of the ingest consumer group. A round takes over entries another consumer
/// left pending too long (its node presumably died), then reads new ones; entries are applied
/// through the same <see cref="IngestPipeline"/> as HTTP and acknowledged only after the grains
/// accepted them. Poison entries go to <c>&lt;stream&gt;:dead</c> with the reason, in the same
/// transaction that acknowledges them.
/// </summary>
public sealed class StreamConsumer(
    IConnectionMultiplexer redis,
    IngestPipeline pipeline,
    StreamEntryDecoder decoder,
    StreamIngestOptions options,
    string consumerName,
    ILogger logger)
{
    private RedisValue _claimCursor = "0-0";

    public string ConsumerName => consumerName;

    public RedisKey StreamKey => options.StreamKey;

    public RedisKey DeadKey => options.StreamKey + ":dead";

    private IDatabase Db => redis.GetDatabase();

    /// <summary>Creates the stream and the group if missing (idempotent).</summary>
    public async Task EnsureGroupAsync()
    {
        try
        {
            await Db.StreamCreateConsumerGroupAsync(StreamKey, options.Group, "0-0", createStream: true);
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
        }
    }

    /// <summary>One round; answers how many entries it handled (0 = nothing to do).</summary>
    public async Task<int> RunRoundAsync()
    {
        var reclaimed = await ReclaimAsync();
        var fresh = await Db.StreamReadGroupAsync(StreamKey, options.Group, consumerName, ">", options.BatchSize);
        await ApplyAsync(fresh);
        return reclaimed + fresh.Length;
    }

    private async Task<int> ReclaimAsync()
    {
        var claim = await Db.StreamAutoClaimAsync(
            StreamKey, options.Group, consumerName, (long)options.ReclaimAfter.TotalMilliseconds, _claimCursor, options.BatchSize);
        _claimCursor = claim.NextStartId;
        var entries = claim.ClaimedEntries.Where(e => !e.IsNull).ToArray();
        if (entries.Length == 0)
        {
            return 0;
        }

        logger.LogInformation("Took over {Count} stream entries pending longer than {ReclaimAfter}", entries.Length, options.ReclaimAfter);
        var deliveries = await DeliveryCountsAsync(entries);
        foreach (var entry in entries)
        {
            // One at a time: an entry that keeps failing must not hold the others back.
            if (deliveries.GetValueOrDefault(entry.Id.ToString()) > options.MaxDeliveries)
            {
                await AcknowledgeAsync([entry.Id], [(entry, $"Delivered more than {options.MaxDeliveries} times without being applied.")]);
                continue;
            }

            await ApplyAsync([entry]);
        }

        return entries.Length;
    }

    private async Task<Dictionary<string, int>> DeliveryCountsAsync(StreamEntry[] entries)
    {
        // XAUTOCLAIM answers in id order, so the first and last bound the range.
        var pending = await Db.StreamPendingMessagesAsync(
            StreamKey, options.Group, entries.Length, consumerName, entries[0].Id, entries[^1].Id);
        return pending.ToDictionary(p => p.MessageId.ToString(), p => p.DeliveryCount, StringComparer.Ordinal);
    }

    /// <summary>Decodes, applies the valid events in chunks of at most one HTTP batch, then acknowledges.</summary>
    private async Task ApplyAsync(StreamEntry[] entries)
    {
        var chunk = new List<(StreamEntry Entry, DecodedEntry Decoded, int Offset)>();
        var chunkEvents = new List<CheckoutEvent>();
        foreach (var entry in entries)
        {
            var decoded = decoder.Decode(entry);
            if (chunkEvents.Count > 0 && chunkEvents.Count + decoded.Events.Count > decoder.MaxBatchEvents)
            {
                await ApplyChunkAsync(chunk, chunkEvents);
                chunk.Clear();
                chunkEvents.Clear();
            }

            chunk.Add((entry, decoded, chunkEvents.Count));
            chunkEvents.AddRange(decoded.Events);
        }

        if (chunk.Count > 0)
        {
            await ApplyChunkAsync(chunk, chunkEvents);
        }
    }

    private async Task ApplyChunkAsync(List<(StreamEntry Entry, DecodedEntry Decoded, int Offset)> chunk, List<CheckoutEvent> events)
    {
        // Throws when the grains cannot take the events: nothing is acknowledged, the entries
        // stay pending and come back through the take-over.
        var outcome = await pipeline.ApplyAsync(events);
        IngestMetrics.Record("stream", outcome, []);
        logger.LogDebug("Stream entries {Count}: {Accepted} events accepted, {Duplicates} duplicates", chunk.Count, outcome.Accepted, outcome.Duplicates);

        // An entry is dead-lettered with what the parser refused and what a full session refused:
        // the rest of it was applied, as an HTTP batch would be.
        var dead = new List<(StreamEntry Entry, string Reason)>();
        foreach (var (entry, decoded, offset) in chunk)
        {
            var refused = outcome.SessionFull.Where(i => i >= offset && i < offset + decoded.Events.Count).Select(i => i - offset).ToArray();
            if (decoded.ReasonAfter(refused) is { } reason)
            {
                dead.Add((entry, reason));
            }
        }

        await AcknowledgeAsync([.. chunk.Select(c => c.Entry.Id)], dead);
    }

    private async Task AcknowledgeAsync(IReadOnlyList<RedisValue> ids, IReadOnlyList<(StreamEntry Entry, string Reason)> dead)
    {
        var transaction = Db.CreateTransaction();
        foreach (var (entry, reason) in dead)
        {
            _ = transaction.StreamAddAsync(DeadKey,
            [
                new NameValueEntry("sourceId", entry.Id),
                new NameValueEntry("consumer", consumerName),
                new NameValueEntry("reason", reason),
                // An entry without data keeps its fields' names, so the sender can be found.
                new NameValueEntry(StreamEntryDecoder.DataField, entry[StreamEntryDecoder.DataField] is { IsNull: false } data
                    ? data
                    : string.Join(",", entry.Values.Select(v => v.Name.ToString()))),
            ]);
            logger.LogWarning("Stream entry {Id} dead-lettered: {Reason}", entry.Id, reason);
        }

        _ = transaction.StreamAcknowledgeAsync(StreamKey, options.Group, [.. ids]);
        if (!await transaction.ExecuteAsync())
        {
            throw new RedisException($"Acknowledging {ids.Count} stream entries did not commit.");
        }
    }
}
