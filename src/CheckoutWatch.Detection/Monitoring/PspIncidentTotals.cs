using CheckoutWatch.Detection.Detectors;

namespace CheckoutWatch.Detection.Monitoring;

/// <summary>
/// Who a PSP-wide incident hit, summed over the merchants' reports since it started: failed
/// payments (each a session hit; a session that fails twice counts twice, so the figure errs
/// upward) and their amounts per currency, for all failures and the actionable ones apart.
/// </summary>
internal sealed class PspIncidentTotals
{
    private readonly Dictionary<(string Currency, bool Actionable), (long Sessions, long Amount)> _amounts = [];
    private long _failures;
    private long _actionable;

    public void Clear()
    {
        _amounts.Clear();
        _failures = 0;
        _actionable = 0;
    }

    public void Add(long failures, long actionable, IReadOnlyList<FailedAmount> amounts)
    {
        _failures += failures;
        _actionable += actionable;
        foreach (var a in amounts)
        {
            var key = (a.Currency, a.Actionable);
            var (sessions, total) = _amounts.GetValueOrDefault(key);
            _amounts[key] = (sessions + a.Sessions, IncidentTally.SaturatingAdd(total, a.AmountMinor));
        }
    }

    /// <summary>Sessions hit, the currency most of them pay in with its amount, and the amount per currency.</summary>
    public (int Sessions, string? Currency, long Revenue, IReadOnlyDictionary<string, long> ByCurrency) Figures(bool actionable)
    {
        var sessions = (int)Math.Min(int.MaxValue, actionable ? _actionable : _failures);
        var mine = _amounts.Where(a => a.Key.Actionable == actionable).ToList();
        var byCurrency = mine.ToDictionary(a => a.Key.Currency, a => a.Value.Amount, StringComparer.Ordinal);
        if (mine.Count == 0) return (sessions, null, 0, byCurrency);
        var top = mine.OrderByDescending(a => a.Value.Sessions).ThenBy(a => a.Key.Currency, StringComparer.Ordinal).First();
        return (sessions, top.Key.Currency, top.Value.Amount, byCurrency);
    }
}
