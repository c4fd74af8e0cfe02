using System.Globalization;
using System.Text;

namespace CheckoutWatch.Fuzz;

/// <summary>The result of a run: counts, the status histogram, the checks at the end and every violation (up to a cap).</summary>
public sealed class FuzzReport
{
    private const int MaxKeptViolations = 50;
    private readonly Lock _lock = new();
    private readonly List<Violation> _violations = [];

    public required FuzzSettings Settings { get; init; }
    public SortedDictionary<int, long> Statuses { get; } = [];
    public SortedDictionary<string, long> Kinds { get; } = new(StringComparer.Ordinal);
    public long Requests { get; private set; }
    public long ViolationCount { get; private set; }
    public long ValidEventsSent { get; set; }
    public long AcceptedReported { get; set; }
    public long DuplicatesExpected { get; set; }
    public long DuplicatesReported { get; set; }
    public long TransportErrors { get; set; }
    public int ResentEvents { get; set; }
    public string LedgerResult { get; set; } = "not run";
    public bool ReadyAtEnd { get; set; }
    public bool? ProcessAliveAtEnd { get; set; }
    public bool StoppedByTime { get; set; }
    public TimeSpan Duration { get; set; }
    public IReadOnlyList<Violation> Violations => _violations;

    public bool Passed =>
        ViolationCount == 0 && ReadyAtEnd && ProcessAliveAtEnd != false && !StoppedByTime
        && AcceptedReported == ValidEventsSent && DuplicatesReported == DuplicatesExpected;

    internal void Record(FuzzCase fuzzCase, int status)
    {
        lock (_lock)
        {
            Requests++;
            Statuses[status] = Statuses.GetValueOrDefault(status) + 1;
            Kinds[fuzzCase.Kind] = Kinds.GetValueOrDefault(fuzzCase.Kind) + 1;
        }
    }

    internal void Count(long validSent, long accepted, long duplicatesExpected, long duplicates)
    {
        lock (_lock)
        {
            ValidEventsSent += validSent;
            AcceptedReported += accepted;
            DuplicatesExpected += duplicatesExpected;
            DuplicatesReported += duplicates;
        }
    }

    public void Fail(Violation violation)
    {
        lock (_lock)
        {
            ViolationCount++;
            if (_violations.Count < MaxKeptViolations) _violations.Add(violation);
        }
    }

    public string ToMarkdown(string command)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"- command: `{command}`");
        text.AppendLine(c, $"- seed {Settings.Seed}, run id `{Settings.RunId}`, concurrency {Settings.Concurrency}");
        text.AppendLine(c, $"- requests: {Requests:N0} in {Duration.TotalSeconds:N1} s ({Requests / Math.Max(Duration.TotalSeconds, 0.001):N0}/s){(StoppedByTime ? " — STOPPED BY THE TIME LIMIT" : "")}");
        text.AppendLine(c, $"- statuses: {string.Join(", ", Statuses.Select(s => $"{(s.Key == 0 ? "connection closed" : s.Key.ToString(c))}: {s.Value:N0}"))}");
        text.AppendLine(c, $"- valid events sent {ValidEventsSent:N0}, accepted {AcceptedReported:N0}; duplicates expected {DuplicatesExpected:N0}, reported {DuplicatesReported:N0} (of them {ResentEvents:N0} resent after acceptance)");
        text.AppendLine(c, $"- merchant counters (ledger): {LedgerResult}");
        text.AppendLine(c, $"- transport errors {TransportErrors:N0}; /health/ready at the end: {(ReadyAtEnd ? "Healthy" : "NOT READY")}; process alive: {ProcessAliveAtEnd?.ToString() ?? "n/a (in process)"}");
        text.AppendLine(c, $"- violations: {ViolationCount:N0} → **{(Passed ? "PASSED" : "FAILED")}**");
        text.AppendLine().AppendLine("| kind | requests |").AppendLine("|---|---:|");
        foreach (var (kind, count) in Kinds) text.AppendLine(c, $"| {kind} | {count:N0} |");
        foreach (var v in _violations) text.AppendLine(c, $"\n- case {v.CaseIndex} ({v.Kind}): {v.Problem}");
        return text.ToString();
    }
}
