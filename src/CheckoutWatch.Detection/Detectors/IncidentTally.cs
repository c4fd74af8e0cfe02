using CheckoutWatch.Detection.Alerts;
using CheckoutWatch.Detection.Events;
using CheckoutWatch.Detection.Knowledge;

namespace CheckoutWatch.Detection.Detectors;

/// <summary>
/// Who and what an incident hit: distinct sessions, money at risk (each session counted once, in
/// its own currency) and decline codes. Beyond the session cap, further failures count as new
/// sessions: an estimate that only errs upward.
/// </summary>
internal sealed class IncidentTally(int maxSessions)
{
    private readonly HashSet<string> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _revenue = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _sessionsByCurrency = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Code, FailureKind Kind), int> _codes = [];
    private int _overflow;

    public int Sessions => _sessions.Count + _overflow;
    public int Failures { get; private set; }

    public void Add(string sessionId, long? amountMinor, string? currency, string? declineCode, FailureKind kind)
    {
        Failures++;
        var code = declineCode ?? (kind is FailureKind.None ? "unknown" : kind.ToWire());
        var key = (code, kind);
        _codes[key] = _codes.GetValueOrDefault(key) + 1;
        if (_sessions.Count >= maxSessions)
        {
            if (_sessions.Contains(sessionId)) return;
            _overflow++;
        }
        else if (!_sessions.Add(sessionId))
        {
            return;
        }

        if (amountMinor is { } amount && currency is not null)
        {
            _revenue[currency] = SaturatingAdd(_revenue.GetValueOrDefault(currency), amount);
            _sessionsByCurrency[currency] = _sessionsByCurrency.GetValueOrDefault(currency) + 1;
        }
    }

    public IReadOnlyDictionary<string, long> RevenueByCurrency => new Dictionary<string, long>(_revenue, StringComparer.Ordinal);

    /// <summary>The currency most affected sessions pay in, and its amount.</summary>
    public (string? Currency, long Amount) MajorityRevenue()
    {
        if (_sessionsByCurrency.Count == 0) return (null, 0);
        var currency = _sessionsByCurrency.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;
        return (currency, _revenue[currency]);
    }

    public IReadOnlyList<DeclineCodeCount> TopCodes(KnowledgeBase knowledge, int count) =>
        _codes.OrderByDescending(p => p.Value).ThenBy(p => p.Key.Code, StringComparer.Ordinal).Take(count)
            .Select(p => new DeclineCodeCount(p.Key.Code, p.Value, ClassOf(knowledge, p.Key)))
            .ToArray();

    /// <summary>The knowledge-base entry for the most frequent code (or failure kind).</summary>
    public KnowledgeEntry? Guidance(KnowledgeBase knowledge)
    {
        if (_codes.Count == 0) return null;
        var top = _codes.OrderByDescending(p => p.Value).ThenBy(p => p.Key.Code, StringComparer.Ordinal).First().Key;
        return knowledge.Lookup(IsKindName(top) ? null : top.Code, top.Kind);
    }

    /// <summary>Amounts are 0 … long.MaxValue each; a sum past long.MaxValue stays there instead of wrapping negative.</summary>
    internal static long SaturatingAdd(long total, long amount) =>
        amount > long.MaxValue - total ? long.MaxValue : total + amount;

    private static DeclineClass ClassOf(KnowledgeBase knowledge, (string Code, FailureKind Kind) key) =>
        knowledge.ClassOf(IsKindName(key) ? null : key.Code, key.Kind);

    private static bool IsKindName((string Code, FailureKind Kind) key) =>
        key.Code == "unknown" || (key.Kind != FailureKind.None && key.Code == key.Kind.ToWire());
}
