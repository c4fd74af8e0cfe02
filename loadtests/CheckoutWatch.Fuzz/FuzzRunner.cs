using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;

namespace CheckoutWatch.Fuzz;

/// <summary>
/// Sends a run's requests to a node and checks every answer. Three phases: the seeded mix of
/// tracked and hostile requests; resending a sample of accepted events (each must come back a
/// duplicate); the merchant-counter ledger. Then the node must still answer ready.
/// Bounded by the request count and <see cref="FuzzSettings.MaxDuration"/>.
/// </summary>
public sealed class FuzzRunner(HttpClient client, string ingestKey, FuzzSettings settings, Func<bool>? processAlive = null, TextWriter? log = null, HttpClient? boardClient = null)
{
    private const int EventsPerResend = 25;
    private const int LedgerRequests = 40;

    private readonly FuzzScope _scope = new(settings.RunId, settings.MaxBodyBytes, settings.MaxBatchEvents);
    private readonly ConcurrentBag<(int Case, EventDraft Event)> _acceptedSample = [];
    private FuzzReport _report = null!;
    private Stopwatch _clock = null!;

    public async Task<FuzzReport> RunAsync(CancellationToken cancellationToken = default)
    {
        _report = new FuzzReport { Settings = settings };
        _clock = Stopwatch.StartNew();
        var resendCases = Math.Max(4, settings.Requests / 200);
        var mainCases = Math.Max(1, settings.Requests - resendCases - LedgerRequests);

        await RunCasesAsync(0, mainCases, MainCase, cancellationToken);

        var sample = _acceptedSample.OrderBy(s => s.Case).ThenBy(s => s.Event.EventId, StringComparer.Ordinal).Select(s => s.Event).ToArray();
        _report.ResentEvents = Math.Min(sample.Length, resendCases * EventsPerResend);
        await RunCasesAsync(mainCases, resendCases, (i, random, now) =>
        {
            var from = (i - mainCases) * EventsPerResend;
            var batch = from < sample.Length ? sample[from..Math.Min(from + EventsPerResend, sample.Length)] : [];
            return TrackedCaseBuilder.Build(i, random, _scope, now, batch);
        }, cancellationToken);

        if (!_report.StoppedByTime)
        {
            var ledger = new LedgerCheck(_scope, settings.Seed, this);
            _report.LedgerResult = await ledger.RunAsync(mainCases + resendCases, cancellationToken);
        }

        _report.ReadyAtEnd = await IsReadyAsync(cancellationToken);
        _report.ProcessAliveAtEnd = processAlive?.Invoke();
        _report.Duration = _clock.Elapsed;
        return _report;
    }

    internal FuzzReport Report => _report;

    internal static Random RandomFor(int seed, int index) => new(HashCode.Combine(seed, index, 0x5eed));

    private FuzzCase MainCase(int index, Random random, DateTimeOffset now)
    {
        if (random.Next(2) != 0)
        {
            return HostileCaseBuilder.Build(index, random, _scope, now);
        }

        var tracked = TrackedCaseBuilder.Build(index, random, _scope, now);
        return tracked;
    }

    private async Task RunCasesAsync(int first, int count, Func<int, Random, DateTimeOffset, FuzzCase> build, CancellationToken cancellationToken)
    {
        var next = first - 1;
        var end = first + count;
        var workers = Enumerable.Range(0, settings.Concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < end && !cancellationToken.IsCancellationRequested)
            {
                if (_clock.Elapsed > settings.MaxDuration)
                {
                    _report.StoppedByTime = true;
                    return;
                }

                var fuzzCase = build(index, RandomFor(settings.Seed, index), DateTimeOffset.UtcNow);
                await SendAsync(fuzzCase, cancellationToken);
                if (settings.ProgressEvery > 0 && (index + 1) % settings.ProgressEvery == 0)
                {
                    log?.WriteLine($"{index + 1:N0} requests, {_clock.Elapsed.TotalSeconds:N0} s, {_report.ViolationCount} violations");
                }
            }
        }, cancellationToken));
        await Task.WhenAll(workers);
    }

    /// <summary>Sends one case and checks its answer; true when it met its expectation.</summary>
    internal async Task<bool> SendAsync(FuzzCase fuzzCase, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events") { Content = new ByteArrayContent(fuzzCase.Body) };
        if (fuzzCase.ContentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", fuzzCase.ContentType);
        if (fuzzCase.Chunked) request.Headers.TransferEncodingChunked = true;
        var key = fuzzCase.Expect.Statuses.Contains(401) ? fuzzCase.Key : ingestKey;
        if (key is not null) request.Headers.Add("X-Api-Key", key);

        int status;
        string body;
        MediaTypeHeaderValue? mediaType;
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            status = (int)response.StatusCode;
            mediaType = response.Content.Headers.ContentType;
            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException ex) when (fuzzCase.Expect.Statuses.Contains(413))
        {
            // The node may answer 413 and close the connection while a too-large body (or one
            // with a huge string) is still being sent; the client then sees the connection close
            // instead of the answer. The node's health is checked at the end of the run.
            _report.Record(fuzzCase, 0);
            _report.TransportErrors++;
            log?.WriteLine($"case {fuzzCase.Index} {fuzzCase.Kind}: connection closed ({ex.Message})");
            return true;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            _report.Record(fuzzCase, 0);
            _report.Fail(new Violation(fuzzCase.Index, fuzzCase.Kind, "no answer: " + ex.Message));
            return false;
        }

        _report.Record(fuzzCase, status);
        List<string> problems;
        try
        {
            problems = [.. ResponseChecker.Check(fuzzCase, status, mediaType?.MediaType, body)];
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            problems = [$"answer {status} does not have the documented shape: {ex.Message}"];
        }

        foreach (var problem in problems)
        {
            _report.Fail(new Violation(fuzzCase.Index, fuzzCase.Kind, problem));
        }

        var ok = problems.Count == 0;

        if (fuzzCase.Expect.Tracked)
        {
            var answer = status == 202 ? IngestCounts.Parse(body) : default;
            _report.Count(fuzzCase.Fresh.Count, answer.Accepted, fuzzCase.Expect.Duplicates!.Value, answer.Duplicates);
            if (ok)
            {
                // Every 16th case's events, for the resend phase: a sample that does not depend on timing.
                foreach (var draft in fuzzCase.Index % 16 == 0 ? fuzzCase.Fresh : [])
                {
                    _acceptedSample.Add((fuzzCase.Index, draft));
                }
            }
        }

        return ok;
    }

    private async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync("/health/ready", cancellationToken);
            return response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync(cancellationToken)).Contains("Healthy", StringComparison.Ordinal);
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    internal HttpClient Client => client;

    /// <summary>A client signed in as a board user (the ledger reads the merchant breakdown with it); null: the ingest client.</summary>
    internal HttpClient? BoardClient => boardClient;
    internal string IngestKey => ingestKey;
}
