using System.Text;

namespace CheckoutWatch.Fuzz;

/// <summary>
/// Requests no client should send: mutated bytes, broken structure, extreme sizes and depths,
/// wrong content types and keys. Their events go to the junk merchant; the answer must be one of
/// the statuses that kind of input allows, never a 5xx.
/// </summary>
internal static class HostileCaseBuilder
{
    private static readonly int[] _readable = [202, 400, 413];
    private static readonly byte[] _interesting = "{}[]\":,\\0-.eE \n\r\t+"u8.ToArray();
    private static readonly string[] _contentTypes =
    [
        "text/plain", "application/xml", "application/json; charset=utf-16", "multipart/form-data; boundary=x",
        "application/x-www-form-urlencoded", "application/jsonl", "json", "*/*", "application/json; charset=latin1",
    ];

    private delegate FuzzCase Builder(int index, Random random, FuzzScope scope, DateTimeOffset now);

    private static readonly (int Weight, Builder Build)[] _builders =
    [
        (12, (i, r, s, n) => Mutated(i, "truncated", r, Truncate(r, Base(r, s, n, out var t)), t)),
        (14, (i, r, s, n) => Mutated(i, "byte-flips", r, Flip(r, Base(r, s, n, out var t)), t)),
        (8, (i, r, s, n) => Mutated(i, "invalid-utf8", r, Insert(r, Base(r, s, n, out var t), [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0x80], [0xF4, 0x90, 0x80, 0x80]]), t)),
        (8, (i, r, s, n) => Mutated(i, "control-bytes", r, Insert(r, Base(r, s, n, out var t), [[0x00], [0x01], [0x1B], [0x7F], [0x0B], [0x08]]), t)),
        (5, (i, r, s, n) => Readable(i, "deep-array", Encoding.UTF8.GetBytes(new string('[', r.Next(10) == 0 ? 100_000 : r.Next(65, 5_000)) + new string(']', r.Next(2) == 0 ? 0 : 3)), r)),
        (5, (i, r, s, n) => Readable(i, "deep-object", Encoding.UTF8.GetBytes("[" + Event(r, s, n).Set("x", Nest(r.Next(2, 3_000))).Render(r) + "]"), r)),
        (5, (i, r, s, n) => Readable(i, "huge-number", Encoding.UTF8.GetBytes("[" + Event(r, s, n, "payment_submitted").Set("amountMinor", HugeNumber(r)).Render(r) + "]"), r)),
        (3, (i, r, s, n) => Readable(i, "huge-string", Encoding.UTF8.GetBytes("[" + Event(r, s, n).Set(Pick(r, ["eventId", "psp", "note"]), "\"" + new string('z', r.Next(20) == 0 ? 1_000_000 : r.Next(1_000, 200_000)) + "\"").Render(r) + "]"), r)),
        (3, (i, r, s, n) => Readable(i, "many-properties", ManyProperties(r, s, n), r)),
        (1, (i, r, s, n) => OverBody(i, r, s)),
        (2, (i, r, s, n) => Exact(i, "over-batch", Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Repeat("{}", s.MaxBatchEvents + 1 + r.Next(50))) + "]"), "application/json", 413)),
        (6, (i, r, s, n) => Exact(i, "wrong-content-type", Base(r, s, n, out _), r.Next(8) == 0 ? null : Pick(r, _contentTypes), 415)),
        (4, (i, r, s, n) => Readable(i, "trivial-body", Encoding.UTF8.GetBytes(Pick(r, ["", " ", "\uFEFF", "null", "{}", "[]", "[null]", "\n\n", "[{}]", "\"x\"", "[1,2", "]", "[]]", "[] []"])), r)),
        (6, (i, r, s, n) => Readable(i, "ndjson-variants", NdjsonVariant(r, s, n), r, ndjson: true)),
        (5, (i, r, s, n) => Readable(i, "garbage", Garbage(r), r)),
        (3, (i, r, s, n) => Exact(i, "bad-key", Base(r, s, n, out var t), t, 401) with { Key = r.Next(2) == 0 ? null : "wrong-key-" + r.Next(1000) }),
        (3, (i, r, s, n) => Readable(i, "single-object", Encoding.UTF8.GetBytes(Event(r, s, n).Render(r)), r)),
        (3, (i, r, s, n) => Readable(i, "chunked", Base(r, s, n, out _), r) with { Chunked = true }),
    ];

    private static readonly int _totalWeight = _builders.Sum(b => b.Weight);

    public static FuzzCase Build(int index, Random random, FuzzScope scope, DateTimeOffset now)
    {
        var roll = random.Next(_totalWeight);
        foreach (var (weight, build) in _builders)
        {
            if (roll < weight) return build(index, random, scope, now);
            roll -= weight;
        }

        throw new InvalidOperationException("unreachable: weights cover every roll");
    }

    /// <summary>A valid junk-merchant batch to mutate; <paramref name="contentType"/> says its format.</summary>
    private static byte[] Base(Random random, FuzzScope scope, DateTimeOffset now, out string contentType)
    {
        var ndjson = random.Next(3) == 0;
        contentType = ndjson ? "application/x-ndjson" : "application/json";
        var items = Enumerable.Range(0, random.Next(1, 8)).Select(_ => Event(random, scope, now).Render(random)).ToList();
        return Encoding.UTF8.GetBytes(ndjson ? string.Join("\n", items) : "[" + string.Join(",", items) + "]");
    }

    private static EventDraft Event(Random random, FuzzScope scope, DateTimeOffset now, string? type = null) =>
        ValidEventFactory.Create(random, scope.JunkMerchant, "junk-" + random.Next(100), "junk-" + random.NextInt64(), now, type);

    private static FuzzCase Mutated(int index, string kind, Random random, byte[] body, string contentType) =>
        new(index, kind, body, contentType, CaseExpectation.Status(_readable));

    private static FuzzCase Readable(int index, string kind, byte[] body, Random random, bool ndjson = false) =>
        new(index, kind, body, ndjson || random.Next(4) == 0 ? "application/x-ndjson" : "application/json", CaseExpectation.Status(_readable));

    private static FuzzCase Exact(int index, string kind, byte[] body, string? contentType, int status) =>
        new(index, kind, body, contentType, CaseExpectation.Status(status));

    private static FuzzCase OverBody(int index, Random random, FuzzScope scope)
    {
        var body = new byte[scope.MaxBodyBytes + 1 + random.Next(64 * 1024)];
        body.AsSpan().Fill((byte)' ');
        body[0] = (byte)'[';
        body[^1] = (byte)']';
        return Exact(index, "over-body", body, "application/json", 413) with { Chunked = random.Next(2) == 0 };
    }

    private static byte[] Truncate(Random random, byte[] body) => body[..random.Next(body.Length)];

    private static byte[] Flip(Random random, byte[] body)
    {
        for (var m = random.Next(1, 8); m > 0; m--)
        {
            body[random.Next(body.Length)] = random.Next(3) == 0 ? (byte)random.Next(256) : _interesting[random.Next(_interesting.Length)];
        }

        return body;
    }

    private static byte[] Insert(Random random, byte[] body, byte[][] choices)
    {
        var at = random.Next(body.Length + 1);
        return [.. body.AsSpan(0, at), .. choices[random.Next(choices.Length)], .. body.AsSpan(at)];
    }

    private static string Nest(int depth) => new StringBuilder().Insert(0, "{\"a\":", depth).Append('1').Append('}', depth).ToString();

    private static string HugeNumber(Random random) => random.Next(5) switch
    {
        0 => new string('9', random.Next(20, 100_000)),
        1 => "1e999999",
        2 => "-0",
        3 => "0." + new string('0', random.Next(1, 10_000)) + "1",
        _ => "-" + new string('9', random.Next(19, 5_000)),
    };

    private static byte[] ManyProperties(Random random, FuzzScope scope, DateTimeOffset now)
    {
        var text = new StringBuilder(Event(random, scope, now).Render(random).TrimEnd('}'));
        var duplicates = random.Next(2) == 0;
        for (var p = random.Next(10) == 0 ? 60_000 : random.Next(100, 10_000); p > 0; p--)
        {
            text.Append(",\"p").Append(duplicates ? p % 10 : p).Append("\":").Append(p);
        }

        return Encoding.UTF8.GetBytes("[" + text.Append('}') + "]");
    }

    private static byte[] NdjsonVariant(Random random, FuzzScope scope, DateTimeOffset now)
    {
        var text = new StringBuilder();
        for (var l = random.Next(1, 12); l > 0; l--)
        {
            text.Append(random.Next(8) switch
            {
                0 => "",
                1 => "[" + Event(random, scope, now).Render(random) + "]",
                2 => Event(random, scope, now).Render(random) + " " + Event(random, scope, now).Render(random),
                3 => "\t \r",
                4 => Event(random, scope, now).Render(random)[..^1],
                _ => Event(random, scope, now).Render(random),
            }).Append(random.Next(3) == 0 ? "\r\n" : random.Next(10) == 0 ? "\r" : "\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static byte[] Garbage(Random random)
    {
        var body = new byte[random.Next(0, 4_096)];
        random.NextBytes(body);
        return body;
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
