using System.Text;

namespace CheckoutWatch.Fuzz;

/// <summary>
/// A JSON array or NDJSON batch mixing fresh valid events, known-invalid items and repeats of
/// events earlier in the same batch (sometimes with different content), all for tracked merchants.
/// </summary>
internal static class TrackedCaseBuilder
{
    public static FuzzCase Build(int index, Random random, FuzzScope scope, DateTimeOffset now, IReadOnlyList<EventDraft>? resend = null)
    {
        var ndjson = random.Next(5) < 2;
        var size = random.Next(10) == 0 ? random.Next(30, 200) : random.Next(1, 25);
        var items = new List<string>(size);
        var fresh = new List<EventDraft>();
        var rejected = new Dictionary<int, string>();
        var duplicates = 0;

        if (resend is not null)
        {
            // Events accepted earlier in the run: each must come back as a duplicate, whatever its
            // content now (drawn again, with a current timestamp, so it is still valid).
            foreach (var earlier in resend)
            {
                var again = ValidEventFactory.Create(random, earlier.MerchantId, earlier.SessionId, earlier.EventId, now);
                items.Add(again.Render(random));
                duplicates++;
            }
        }

        for (var i = 0; i < size; i++)
        {
            var roll = random.Next(100);
            if (roll < 25)
            {
                var draft = ValidEventFactory.Create(random, scope.Merchant(random), FuzzScope.Session(random), $"{scope.RunId}-x{index}-{i}", now);
                var invalid = InvalidItemCatalog.Create(random, draft, now);
                rejected[items.Count] = invalid.Code;
                items.Add(invalid.Json);
            }
            else if (roll < 32 && fresh.Count > 0)
            {
                var first = fresh[random.Next(fresh.Count)];
                var repeat = random.Next(2) == 0
                    ? first
                    : ValidEventFactory.Create(random, first.MerchantId, first.SessionId, first.EventId, now);
                items.Add(repeat.Render(random));
                duplicates++;
            }
            else
            {
                var draft = ValidEventFactory.Create(random, scope.Merchant(random), FuzzScope.Session(random), scope.EventId(random, index, i), now);
                fresh.Add(draft);
                items.Add(draft.Render(random));
            }
        }

        if (ndjson)
        {
            AddBrokenLines(random, items, rejected);
        }

        var expect = CaseExpectation.Batch(fresh.Count, duplicates, rejected);
        var kind = (resend is null ? "tracked-" : "resend-") + (ndjson ? "ndjson" : "json");
        var body = ndjson ? Lines(random, items) : Array(random, items);
        return new FuzzCase(index, kind, Utf8Body.Encode(body, random), ndjson ? NdjsonType(random) : JsonType(random), expect) { Fresh = fresh };
    }

    private static void AddBrokenLines(Random random, List<string> items, Dictionary<int, string> rejected)
    {
        string[] broken = ["{\"eventId\":", "{} {}", "{\"a\":1}x", "not json", "{\"a\":\"unterminated}", "]", "{\"n\":1e}"];
        for (var k = random.Next(3); k > 0; k--)
        {
            var at = random.Next(items.Count + 1);
            items.Insert(at, broken[random.Next(broken.Length)]);
            var shifted = rejected.ToDictionary(p => p.Key >= at ? p.Key + 1 : p.Key, p => p.Value);
            rejected.Clear();
            foreach (var (i, code) in shifted) rejected[i] = code;
            rejected[at] = "invalid_json";
        }
    }

    private static string Array(Random random, List<string> items)
    {
        var separator = random.Next(3) switch { 0 => ",\n", 1 => " , ", _ => "," };
        var bom = random.Next(20) == 0 ? "\uFEFF" : "";
        return bom + (random.Next(4) == 0 ? " \n[" : "[") + string.Join(separator, items) + (random.Next(4) == 0 ? "]\n " : "]");
    }

    private static string Lines(Random random, List<string> items)
    {
        var text = new StringBuilder(random.Next(20) == 0 ? "\uFEFF" : "");
        foreach (var item in items)
        {
            if (random.Next(10) == 0) text.Append(random.Next(2) == 0 ? "\n" : "  \r\n");
            text.Append(item).Append(random.Next(4) == 0 ? "\r\n" : "\n");
        }

        var body = text.ToString();
        return random.Next(5) == 0 ? body.TrimEnd('\n', '\r') : body;
    }

    private static string JsonType(Random random) =>
        random.Next(4) switch { 0 => "application/json; charset=utf-8", 1 => "Application/JSON", _ => "application/json" };

    private static string NdjsonType(Random random) =>
        random.Next(3) == 0 ? "application/x-ndjson; charset=utf-8" : "application/x-ndjson";
}
