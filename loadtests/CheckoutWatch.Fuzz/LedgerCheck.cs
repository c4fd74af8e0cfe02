using System.Globalization;
using System.Text.Json;

namespace CheckoutWatch.Fuzz;

/// <summary>
/// Checks the merchant's counters against what was sent: a fresh merchant receives a known set of
/// recent events (mixed with invalid items and in-batch repeats), then every one of them again;
/// its five-minute breakdown must then count each valid event exactly once.
/// </summary>
internal sealed class LedgerCheck(FuzzScope scope, int seed, FuzzRunner runner)
{
    private const int Events = 240;
    private const int PerBatch = 12;

    public async Task<string> RunAsync(int firstIndex, CancellationToken cancellationToken)
    {
        var random = FuzzRunner.RandomFor(seed, -1);
        var now = DateTimeOffset.UtcNow;
        var drafts = new List<EventDraft>(Events);
        var expected = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < Events; k++)
        {
            var type = ValidEventFactory.Types[k % ValidEventFactory.Types.Length];
            var draft = ValidEventFactory.Create(random, scope.LedgerMerchant, $"l{k % 40}", $"{scope.RunId}-ledger-{k}", now, type);
            draft.Set("occurredAt", JsonText.Quote((now - TimeSpan.FromSeconds(5 + random.Next(20))).ToString("O", CultureInfo.InvariantCulture)));
            drafts.Add(draft);
            expected[type] = expected.GetValueOrDefault(type) + 1;
        }

        var index = firstIndex;
        var ok = true;
        for (var pass = 0; pass < 2; pass++)
        {
            for (var from = 0; from < drafts.Count; from += PerBatch)
            {
                var batch = drafts.GetRange(from, Math.Min(PerBatch, drafts.Count - from));
                ok &= await runner.SendAsync(Case(index++, random, batch, firstSending: pass == 0, now), cancellationToken);
            }
        }

        var want = (Started: expected["checkout_started"], Attempts: expected["payment_submitted"], Successes: expected["payment_succeeded"], Failures: expected["payment_failed"]);
        var seen = (Started: -1, Attempts: -1, Successes: -1, Failures: -1);
        for (var attempt = 0; attempt < 100 && seen != want; attempt++)
        {
            // The node flushes accepted events to the merchant within about a second.
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            seen = await BreakdownAsync(cancellationToken);
        }

        var verdict = seen == want && ok ? "ok" : "MISMATCH";
        if (seen != want)
        {
            runner.Report.Fail(new Violation(index, "ledger", $"breakdown {seen}, expected {want}"));
        }

        return $"{verdict}: {Events} events sent twice; breakdown started/attempts/successes/failures = {seen.Started}/{seen.Attempts}/{seen.Successes}/{seen.Failures}, expected {want.Started}/{want.Attempts}/{want.Successes}/{want.Failures}";
    }

    private static FuzzCase Case(int index, Random random, List<EventDraft> batch, bool firstSending, DateTimeOffset now)
    {
        var items = new List<string>();
        var rejected = new Dictionary<int, string>();
        var duplicates = firstSending ? 0 : batch.Count;
        foreach (var draft in batch)
        {
            items.Add(draft.Render(random));
            if (random.Next(4) == 0)
            {
                var broken = InvalidItemCatalog.Create(random, draft.Clone(), now);
                rejected[items.Count] = broken.Code;
                items.Add(broken.Json);
            }

            if (random.Next(5) == 0)
            {
                items.Add(draft.Render(random));
                duplicates++;
            }
        }

        var body = Utf8Body.Encode("[" + string.Join(",", items) + "]", random);
        return new FuzzCase(index, firstSending ? "ledger" : "ledger-resend", body, "application/json",
            CaseExpectation.Batch(firstSending ? batch.Count : 0, duplicates, rejected))
        { Fresh = firstSending ? batch : [] };
    }

    private async Task<(int, int, int, int)> BreakdownAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/merchants/{scope.LedgerMerchant}/breakdown");
        // The breakdown is board data: read it as a signed-in board user when the runner has one.
        if (runner.BoardClient is null)
        {
            request.Headers.Add("X-Api-Key", runner.IngestKey);
        }

        using var response = await (runner.BoardClient ?? runner.Client).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode) return (-1, -1, -1, -1);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var root = document.RootElement;
        return (root.GetProperty("checkoutsStarted").GetInt32(), root.GetProperty("paymentAttempts").GetInt32(),
            root.GetProperty("successes").GetInt32(), root.GetProperty("failures").GetInt32());
    }
}
