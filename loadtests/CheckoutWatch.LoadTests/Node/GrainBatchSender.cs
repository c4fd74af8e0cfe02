using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Abstractions.Ingest;
using CheckoutWatch.Detection.Events;
using CheckoutWatch.LoadTests.Generator;
using CheckoutWatch.LoadTests.Load;

namespace CheckoutWatch.LoadTests.Node;

/// <summary>
/// What <c>IngestPipeline</c> does after parsing, from an Orleans client: one request is one
/// generated batch, grouped by session partition into one <see cref="ISessionPartitionGrain.ApplyAsync"/>
/// call each (the node's default partition count), then (unless <c>sessionsOnly</c>) the accepted events per merchant to the node's
/// <see cref="IIngestBufferGrain"/>. No HTTP, no JSON: the difference to <c>ingest</c> at the same
/// rate is the cost of Kestrel, the parser and validation (and the client adds a gateway hop the
/// co-hosted server does not pay).
/// </summary>
public sealed class GrainBatchSender(IGrainFactory grains, CheckoutEventGenerator generator, int batchSize, bool sessionsOnly) : IRequestSender
{
    private readonly Lock _generatorLock = new();

    public int EventsPerRequest => batchSize;

    public async ValueTask<RequestOutcome> SendAsync(CancellationToken cancellationToken)
    {
        var generated = new GeneratedEvent[batchSize];
        lock (_generatorLock)
        {
            generator.Fill(generated, DateTime.UtcNow);
        }

        var groups = new Dictionary<int, List<CheckoutEvent>>();
        foreach (var g in generated)
        {
            var evt = ToEvent(g, generator.RunTag);
            var partition = SessionPartitions.IndexOf(evt.MerchantId, evt.SessionId, SessionPartitions.DefaultCount);
            ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(groups, partition, out _);
            (list ??= []).Add(evt);
        }

        var calls = groups.Select(kv => (Events: kv.Value,
            Call: grains.GetGrain<ISessionPartitionGrain>(kv.Key).ApplyAsync([.. kv.Value]))).ToList();
        await Task.WhenAll(calls.Select(c => c.Call)).ConfigureAwait(false);

        var accepted = 0;
        var duplicates = 0;
        var byMerchant = new Dictionary<string, (List<CheckoutEvent> Events, int Delta)>(StringComparer.Ordinal);
        foreach (var (events, call) in calls)
        {
            var result = call.Result;
            for (var k = 0; k < events.Count; k++)
            {
                ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(byMerchant, events[k].MerchantId, out _);
                entry.Events ??= [];
                entry.Delta += result.InFlightDelta[k];
                if (result.Duplicate[k])
                {
                    duplicates++;
                }
                else
                {
                    entry.Events.Add(events[k]);
                    accepted++;
                }
            }
        }

        if (!sessionsOnly)
        {
            var buffer = grains.GetGrain<IIngestBufferGrain>(0);
            await Task.WhenAll(byMerchant.Select(m => buffer.AddAsync(new MerchantBatch(m.Key, [.. m.Value.Events], m.Value.Delta)))).ConfigureAwait(false);
        }

        return RequestOutcome.Success(accepted, duplicates);
    }

    /// <summary>The same ids and fields <see cref="BatchWriter"/> puts on the wire (without the optional customer).</summary>
    public static CheckoutEvent ToEvent(in GeneratedEvent g, string runTag)
    {
        var session = string.Create(CultureInfo.InvariantCulture, $"{runTag}-{g.Session:x}");
        var payment = g.AmountMinor is not null;
        return new CheckoutEvent(session + "-" + g.Sequence.ToString(CultureInfo.InvariantCulture), g.Merchant.Id, session, g.Type,
            new DateTimeOffset(DateTime.SpecifyKind(g.OccurredAt, DateTimeKind.Utc)))
        {
            AmountMinor = g.AmountMinor,
            Currency = payment ? g.Merchant.Currency : null,
            Psp = g.Psp,
            PaymentMethod = g.PaymentMethod,
            CardNetwork = g.CardNetwork,
            DeclineCode = g.Decline?.Code,
            FailureKind = g.Decline?.Kind ?? default,
            Country = g.Merchant.Country,
        };
    }
}
