using System.Collections.Immutable;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Abstractions.Ingest;
using CheckoutWatch.Detection.Events;
using CheckoutWatch.Grains.Merchants;
using CheckoutWatch.Server.Configuration;
using Microsoft.Extensions.Options;

namespace CheckoutWatch.Server.Ingest;

/// <summary>
/// Hands validated events to the grains: one call per session partition touched by the batch (a
/// partition applies its events in one turn and recognises duplicates there), then the accepted
/// ones, grouped per merchant, to this node's ingest buffer. An event refused by a full session
/// is neither accepted nor a duplicate: the answer lists it as rejected.
/// With dedup on (cluster mode) the events go straight to the merchant grains and the answer
/// waits for them to be counted, and a session's recent duplicates go too: the event may be a
/// retry of one whose counting died with a node, and the merchant counts each event once.
/// </summary>
public sealed class IngestPipeline(
    IGrainFactory grains, IOptions<SessionTimeoutOptions> sessions, EventDedupSettings dedup, TimeProvider clock)
{
    private readonly int _partitions = sessions.Value.Partitions;

    /// <summary>Applies the events; the answer counts the accepted ones and the duplicates.</summary>
    public async Task<IngestOutcome> ApplyAsync(IReadOnlyList<CheckoutEvent> events)
    {
        if (events.Count == 0)
        {
            return new IngestOutcome(0, 0);
        }

        var byPartition = new Dictionary<int, List<int>>();
        for (var i = 0; i < events.Count; i++)
        {
            var partition = SessionPartitions.IndexOf(events[i].MerchantId, events[i].SessionId, _partitions);
            ref var indexes = ref CollectionsMarshal.GetValueRefOrAddDefault(byPartition, partition, out _);
            (indexes ??= new List<int>(Math.Max(4, events.Count / _partitions * 2))).Add(i);
        }

        var calls = new Task<PartitionBatchResult>[byPartition.Count];
        var groups = new List<int>[byPartition.Count];
        var n = 0;
        foreach (var (partition, indexes) in byPartition)
        {
            var batch = ImmutableArray.CreateBuilder<CheckoutEvent>(indexes.Count);
            foreach (var i in indexes)
            {
                batch.Add(events[i]);
            }

            calls[n] = grains.GetGrain<ISessionPartitionGrain>(partition).ApplyAsync(batch.MoveToImmutable());
            groups[n++] = indexes;
        }

        // A partition whose node just died (or is unreachable) fails its call; the others have
        // applied their events and now recognise them as duplicates. Their events still go to
        // the buffer below before the failure is reported, so a retry of the whole batch (HTTP
        // client, or the stream's redelivery) counts every event exactly once.
        Exception? failure = null;
        try
        {
            await Task.WhenAll(calls);
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        var byMerchant = new Dictionary<string, (List<CheckoutEvent> Events, int Delta)>(StringComparer.Ordinal);
        var accepted = 0;
        var recheckAfter = dedup.Enabled ? clock.GetUtcNow() - dedup.Window : DateTimeOffset.MaxValue;
        List<int>? full = null;
        for (var g = 0; g < calls.Length; g++)
        {
            if (!calls[g].IsCompletedSuccessfully)
            {
                continue;
            }

            var result = calls[g].Result;
            var indexes = groups[g];
            for (var k = 0; k < indexes.Count; k++)
            {
                var evt = events[indexes[k]];
                ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(byMerchant, evt.MerchantId, out _);
                entry.Events ??= [];
                entry.Delta += result.InFlightDelta[k];
                if (result.Refused?[k] == true)
                {
                    (full ??= []).Add(indexes[k]);
                }
                else if (!result.Duplicate[k])
                {
                    entry.Events.Add(evt);
                    accepted++;
                }
                else if (evt.OccurredAt > recheckAfter)
                {
                    // Within the merchant's memory (kept until occurredAt + window at least).
                    entry.Events.Add(evt);
                }
            }
        }

        var batches = byMerchant.Select(m => new MerchantBatch(m.Key, [.. m.Value.Events], m.Value.Delta)).ToImmutableArray();
        if (dedup.Enabled)
        {
            // Answered (202, or the stream's acknowledgement) only once counted: a node dying now
            // fails the call and the sender's retry brings the events back.
            await Task.WhenAll(batches.Where(b => !b.Events.IsEmpty || b.InFlightDelta != 0)
                .Select(b => grains.GetGrain<IMerchantGrain>(b.MerchantId).RecordAsync(b)));
        }
        else
        {
            await grains.GetGrain<IIngestBufferGrain>(0).AddManyAsync(batches);
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }

        full?.Sort();
        return new IngestOutcome(accepted, events.Count - accepted - (full?.Count ?? 0)) { SessionFull = full ?? [] };
    }
}
