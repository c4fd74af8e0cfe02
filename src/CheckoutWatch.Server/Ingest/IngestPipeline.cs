using System.Collections.Immutable;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Abstractions.Ingest;
using CheckoutWatch.Detection.Events;
using CheckoutWatch.Grains.Merchants;

namespace CheckoutWatch.Server.Ingest;

/// <summary>
/// Hands validated events to the grains: one call per session in the batch (so a session's
/// events are applied in one turn and duplicates are recognised there), then the accepted ones,
/// grouped per merchant, to this node's ingest buffer. An event refused by a full session is
/// neither accepted nor a duplicate: the answer lists it as rejected.
/// With dedup on (cluster mode) the events go straight to the merchant grains and the answer
/// waits for them to be counted, and a session's recent duplicates go too: the event may be a
/// retry of one whose counting died with a node, and the merchant counts each event once.
/// </summary>
public sealed class IngestPipeline(IGrainFactory grains, EventDedupSettings dedup, TimeProvider clock)
{
    /// <summary>Applies the events; the answer counts the accepted ones and the duplicates.</summary>
    public async Task<IngestOutcome> ApplyAsync(IReadOnlyList<CheckoutEvent> events)
    {
        if (events.Count == 0)
        {
            return new IngestOutcome(0, 0);
        }

        var bySession = new Dictionary<(string, string), List<int>>();
        for (var i = 0; i < events.Count; i++)
        {
            ref var indexes = ref CollectionsMarshal.GetValueRefOrAddDefault(bySession, (events[i].MerchantId, events[i].SessionId), out _);
            (indexes ??= new List<int>(2)).Add(i);
        }

        var calls = new Task<SessionBatchResult>[bySession.Count];
        var groups = new List<int>[bySession.Count];
        var n = 0;
        foreach (var ((merchantId, sessionId), indexes) in bySession)
        {
            var batch = indexes.Select(i => events[i]).ToImmutableArray();
            calls[n] = grains.GetGrain<ICheckoutSessionGrain>(SessionKey.For(merchantId, sessionId)).ApplyAsync(batch);
            groups[n++] = indexes;
        }

        // A session whose node just died (or is unreachable) fails its call; the others have
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
            var merchantId = events[indexes[0]].MerchantId;
            ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(byMerchant, merchantId, out _);
            entry.Events ??= [];
            entry.Delta += result.InFlightDelta;
            for (var k = 0; k < indexes.Count; k++)
            {
                if (result.Refused?[k] == true)
                {
                    (full ??= []).Add(indexes[k]);
                }
                else if (!result.Duplicate[k])
                {
                    entry.Events.Add(events[indexes[k]]);
                    accepted++;
                }
                else if (events[indexes[k]].OccurredAt > recheckAfter)
                {
                    // Within the merchant's memory (kept until occurredAt + window at least).
                    entry.Events.Add(events[indexes[k]]);
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
