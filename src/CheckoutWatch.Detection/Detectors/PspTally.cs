using CheckoutWatch.Detection.Monitoring;

namespace CheckoutWatch.Detection.Detectors;

/// <summary>A merchant's attempts on one PSP since the last report to the PSP-wide monitor.</summary>
internal sealed class PspTally
{
    private readonly Dictionary<(string Currency, bool Actionable), (long Sessions, long Amount)> _amounts = [];
    private long _attempts;
    private long _failures;
    private long _actionable;

    public void Add(bool failed, bool actionable, long? amountMinor, string? currency)
    {
        _attempts++;
        if (!failed) return;
        _failures++;
        if (actionable) _actionable++;
        if (amountMinor is not { } amount || string.IsNullOrEmpty(currency)) return;
        AddAmount((currency, false), amount);
        if (actionable) AddAmount((currency, true), amount);
    }

    public PspCounts ToCounts(string psp) => new(psp, _attempts, _failures, _actionable)
    {
        FailedAmounts = [.. _amounts.Select(a => new FailedAmount(a.Key.Currency, a.Key.Actionable, a.Value.Sessions, a.Value.Amount))],
    };

    private void AddAmount((string, bool) key, long amount)
    {
        var (sessions, total) = _amounts.GetValueOrDefault(key);
        _amounts[key] = (sessions + 1, IncidentTally.SaturatingAdd(total, amount));
    }
}
