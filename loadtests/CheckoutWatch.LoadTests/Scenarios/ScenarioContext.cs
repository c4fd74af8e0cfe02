using System.Globalization;
using CheckoutWatch.LoadTests.Baseline;
using CheckoutWatch.LoadTests.Cli;
using CheckoutWatch.LoadTests.Generator;
using CheckoutWatch.LoadTests.Http;
using CheckoutWatch.LoadTests.Load;
using CheckoutWatch.LoadTests.Node;
using CheckoutWatch.LoadTests.Progress;
using CheckoutWatch.LoadTests.Reports;
using Spectre.Console;

namespace CheckoutWatch.LoadTests.Scenarios;

/// <summary>What a scenario works with: the options, the report it fills, and helpers that set up and run bounded runs.</summary>
public sealed class ScenarioContext(HarnessOptions options, ScenarioReport report, string reportDirectory, CancellationToken cancellationToken)
{
    private static int _runCounter;

    public HarnessOptions Options { get; } = options;
    public ScenarioReport Report { get; } = report;
    public CancellationToken Cancellation { get; } = cancellationToken;
    public bool Quick => Options.Quick;

    /// <summary>Where this invocation's report goes; scenarios may put their own files (scripts, bodies) there too.</summary>
    public string ReportDirectory { get; } = reportDirectory;

    public string EnsureReportDirectory() => Directory.CreateDirectory(ReportDirectory).FullName;

    /// <summary>The rate in events/s: <c>--rate</c> if given, else the scenario's full or quick default.</summary>
    public double Rate(double full, double quick) => Options.EventsPerSecond ?? (Quick ? quick : full);

    public TimeSpan Duration(TimeSpan full, TimeSpan quick) => Options.Duration ?? (Quick ? quick : full);

    public TimeSpan Warmup(TimeSpan full, TimeSpan quick) => Options.Warmup ?? (Quick ? quick : full);

    public void Fail(string reason) => Report.Failures.Add(reason);

    public Task<BaselineServer> StartBaselineAsync(int port = 0) => BaselineServer.StartAsync(port, Cancellation);

    /// <summary>The ingest URL of a node: <c>--target</c> plus <c>/api/v1/events</c> unless the path is already there.</summary>
    public Uri RequireTargetEventsUri()
    {
        var target = Options.Target ?? throw new UsageException($"'{Options.Command}' needs --target http://127.0.0.1:PORT (a CheckoutWatch node).");
        return target.AbsolutePath.TrimEnd('/').EndsWith(BaselineEndpoint.Path, StringComparison.Ordinal) ? target : new Uri(target, BaselineEndpoint.Path);
    }

    /// <summary>A fresh tag for event and session ids, unique per run and per process.</summary>
    public static string NewRunTag() =>
        string.Create(CultureInfo.InvariantCulture, $"lt{DateTime.UtcNow:MMddHHmmss}{Random.Shared.Next(0x1000):x3}{Interlocked.Increment(ref _runCounter)}");

    public CheckoutEventGenerator NewGenerator(string runTag, int? merchants = null) => new(new GeneratorOptions
    {
        Merchants = merchants ?? Options.Merchants,
        MerchantPrefix = Options.MerchantPrefix,
        ActiveSessions = Options.ActiveSessions,
        Seed = Options.Seed,
        RunTag = runTag,
    });

    public BatchWriter NewWriter(string runTag) => new(Options.Ndjson ? BatchFormat.Ndjson : BatchFormat.JsonArray, runTag);

    public EventsTarget OpenTarget(Uri eventsUri, string apiKey, double eventsPerSecond, int? merchants = null, int? maxConnections = null)
    {
        var tag = NewRunTag();
        // Keep a few batches ready, but not so many that their event times go stale at low rates.
        var prefetch = (int)Math.Clamp(eventsPerSecond / Options.BatchSize * 0.05, 2, 16);
        var source = new BatchSource(NewGenerator(tag, merchants), NewWriter(tag), Options.BatchSize, prefetch);
        return new EventsTarget(eventsUri, apiKey, IngestHttp.CreateClient(maxConnections ?? Options.MaxInFlight, Options.RequestTimeout), source);
    }

    /// <summary>The node process given by <c>--node-pid</c> (its figures are null without it).</summary>
    public NodeProcess Node { get; } = new(options.NodePid);

    /// <summary>Adds a note when no <c>--node-pid</c> was given, so missing memory figures are explained.</summary>
    public void NoteNodeMemory()
    {
        if (!Node.Known)
        {
            Report.Notes.Add("No readable --node-pid: the node's memory (VmRSS from /proc/<pid>/status) is not reported.");
        }
    }

    /// <summary>The node's base URL (<c>--target</c> without a path).</summary>
    public Uri RequireTargetBase()
    {
        var target = Options.Target ?? throw new UsageException($"'{Options.Command}' needs --target http://127.0.0.1:PORT (a CheckoutWatch node).");
        return new Uri(target.GetLeftPart(UriPartial.Authority) + "/");
    }

    /// <summary>
    /// A run with no console output that stops early when <paramref name="stop"/> is cancelled
    /// (background traffic under another measurement); its result is still complete.
    /// </summary>
    public Task<RunResult> RunBackgroundAsync(RunSpec spec, CancellationToken stop) =>
        new OpenModelRunner(spec).RunAsync(NullProgress.Instance, Cancellation, stop);

    public RunSpec Spec(string name, string target, IRequestSender sender, LoadSimulation load) => new(name, target, sender, load)
    {
        MaxInFlight = Options.MaxInFlight,
        MaxRequests = Options.MaxRequests,
        RequestTimeout = Options.RequestTimeout,
        Poisson = Options.Poisson,
        Seed = Options.Seed,
        Connections = Options.Connections,
    };

    /// <summary>
    /// A warm-up at the same rate (kept apart) and then the measured run: constant, or a ramp
    /// from <c>--ramp-from</c> up to the rate.
    /// </summary>
    public async Task<RunResult> MeasureAsync(string name, Uri eventsUri, string apiKey, double eventsPerSecond, TimeSpan duration, TimeSpan warmup)
    {
        await using var target = OpenTarget(eventsUri, apiKey, eventsPerSecond);
        var requestsPerSecond = eventsPerSecond / Options.BatchSize;
        if (warmup > TimeSpan.Zero)
        {
            Report.Warmups.Add(await RunOpenAsync(Spec($"{name} (warm-up)", eventsUri.ToString(), target.Sender, LoadSimulation.Constant(requestsPerSecond, warmup))).ConfigureAwait(false));
        }

        LoadSimulation load = Options.RampFrom is { } from
            ? LoadSimulation.Ramp(from / Options.BatchSize, requestsPerSecond, duration)
            : LoadSimulation.Constant(requestsPerSecond, duration);
        var result = await RunOpenAsync(Spec(name, eventsUri.ToString(), target.Sender, load)).ConfigureAwait(false);
        Report.Runs.Add(result);
        return result;
    }

    public Task<RunResult> RunOpenAsync(RunSpec spec) =>
        WithProgressAsync(spec.Name, sink => new OpenModelRunner(spec).RunAsync(sink, Cancellation));

    public Task<RunResult> RunClosedAsync(RunSpec spec) =>
        WithProgressAsync(spec.Name, sink => new ClosedLoopRunner(spec).RunAsync(sink, Cancellation));

    private bool Live => !Options.NoLive && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    private async Task<RunResult> WithProgressAsync(string name, Func<IProgressSink, Task<RunResult>> run)
    {
        if (!Live)
        {
            AnsiConsole.WriteLine($"> {name}");
            return await run(new PlainProgress()).ConfigureAwait(false);
        }

        RunResult? result = null;
        await AnsiConsole.Live(ProgressView.Table(null, name)).AutoClear(false)
            .StartAsync(async live => result = await run(new LiveProgress(live)).ConfigureAwait(false))
            .ConfigureAwait(false);
        return result!;
    }
}
