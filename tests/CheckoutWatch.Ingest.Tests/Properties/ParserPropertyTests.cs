using System.Reflection;
using CheckoutWatch.Detection.Events;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static CheckoutWatch.Ingest.Tests.TestEvents;

namespace CheckoutWatch.Ingest.Tests.Properties;

/// <summary>Properties of the parser and validator over generated events (docs/robustness.md).</summary>
public sealed class ParserPropertyTests
{
    private static readonly HashSet<string> _codes = typeof(ValidationCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetValue(null)!)
        .ToHashSet();

    private static readonly EventBatchParser _parser = new();

    [Property(MaxTest = 300)]
    public Property Valid_events_written_as_json_or_ndjson_parse_back_equal() =>
        Prop.ForAll(Gen.ArrayOf(ContractGenerators.ValidEvent).ToArbitrary(), events =>
        {
            if (events.Length == 0) return;
            var json = _parser.Parse(CheckoutEventJson.ToJsonArray(events), IngestFormat.Json, Now);
            var ndjson = _parser.Parse(CheckoutEventJson.ToNdjson(events), IngestFormat.Ndjson, Now);

            Assert.Empty(json.Rejected);
            Assert.Equal(events, json.Events);
            Assert.Equal(events.Select(e => e.OccurredAt.Offset), json.Events.Select(e => e.OccurredAt.Offset));
            Assert.Empty(ndjson.Rejected);
            Assert.Equal(events, ndjson.Events);
        });

    [Property(MaxTest = 500)]
    public Property Every_item_is_accepted_or_rejected_with_its_known_code() =>
        Prop.ForAll(ContractGenerators.Item.ToArbitrary(), item =>
        {
            var parsed = ParseOne(item.Json);

            if (item.Code is null)
            {
                AssertValid(parsed);
                Assert.Equal(item.Source, parsed.Event);
                return;
            }

            Assert.False(parsed.IsValid, $"expected {item.Code}: {item.Json}");
            Assert.Contains(item.Code, parsed.Errors.Select(e => e.Code));
            Assert.All(parsed.Errors, e => Assert.Contains(e.Code, _codes));
        });

    [Property(MaxTest = 300)]
    public Property Rejecting_one_item_never_loses_another_in_the_batch() =>
        Prop.ForAll(Gen.NonEmptyListOf(ContractGenerators.Item).ToArbitrary(), items =>
        {
            var body = "[" + string.Join(",", items.Select(i => i.Json)) + "]";
            var lines = string.Join("\n", items.Select(i => i.Json));

            foreach (var result in new[] { Parse(body), Parse(lines, IngestFormat.Ndjson) })
            {
                Assert.Equal(items.Count, result.Items.Count);
                Assert.Equal(items.Where(i => i.Code is null).Select(i => i.Source), result.Events);
                Assert.Equal(
                    items.Select((item, index) => (item, index)).Where(p => p.item.Code is not null).Select(p => p.index),
                    result.Rejected.Select(r => r.Index));
                for (var i = 0; i < items.Count; i++)
                {
                    // An item's outcome is the same alone as in any batch.
                    Assert.Equal(ParseOne(items[i].Json).Errors.Select(e => e.Code), result.Items[i].Errors.Select(e => e.Code));
                }
            }
        });

    [Property(MaxTest = 1_000)]
    public Property Any_bytes_or_mutated_batch_never_throw_and_account_for_every_item() =>
        Prop.ForAll(Bodies().ToArbitrary(), body =>
        {
            foreach (var format in new[] { IngestFormat.Json, IngestFormat.Ndjson })
            {
                var result = _parser.Parse(body, format, Now);
                if (result.IsBatchFailure)
                {
                    Assert.False(string.IsNullOrWhiteSpace(result.Failure.Message));
                    continue;
                }

                Assert.Equal(result.Items.Count, result.Events.Count + result.Rejected.Count);
                Assert.All(result.Rejected, r => Assert.All(r.Errors, e => Assert.Contains(e.Code, _codes)));
            }
        });

    /// <summary>Random bytes, and valid batches with bytes overwritten, inserted or cut off.</summary>
    private static Gen<byte[]> Bodies()
    {
        var noise = Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b));
        var valid = Gen.NonEmptyListOf(ContractGenerators.ValidEvent).Select(e => CheckoutEventJson.ToJsonArray(e));
        var interesting = Gen.Elements("{}[]\":,\\ \n\r\t-.eE0\u0000"u8.ToArray().Concat(new byte[] { 0xC0, 0xFF, 0xED, 0x80 }).ToArray());
        var mutated =
            from body in valid
            from edits in Gen.NonEmptyListOf(Gen.Zip(Gen.Choose(0, int.MaxValue), interesting))
            from cut in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
            select Mutate(body, edits, cut);
        return Gen.Frequency((1, noise), (4, mutated));
    }

    private static byte[] Mutate(byte[] body, IEnumerable<(int Position, byte Value)> edits, bool cut)
    {
        var bytes = body.ToList();
        foreach (var (position, value) in edits)
        {
            if (position % 2 == 0) bytes[position % bytes.Count] = value;
            else bytes.Insert(position % (bytes.Count + 1), value);
        }

        return cut ? [.. bytes.Take(bytes.Count / 2)] : [.. bytes];
    }
}
