using CheckoutWatch.Abstractions.Alerts;
using CheckoutWatch.Abstractions.Grains;

namespace CheckoutWatch.Grains.Tests.OnCall;

/// <summary>Alerts as detection hands them to the feed, for tests that start from the feed.</summary>
internal static class TestAlerts
{
    public static AlertView View(string merchant, string incident, DateTimeOffset at, string severity = "critical", bool pages = true,
        string dimensionKind = "psp", string dimensionValue = "adyen", string status = AlertStatus.Open) => new(
        Id: "",
        Sequence: 0,
        merchant,
        "payment_failure_spike",
        severity,
        status,
        $"Technical payment failures on {dimensionKind} {dimensionValue}: 40 %",
        new AlertDimensionView(dimensionKind, dimensionValue),
        new AlertFigures(0.4, 0.02, 0.1, 60, 200, 80, null, null),
        at.AddSeconds(-30),
        at,
        at,
        AcknowledgedAt: null,
        AcknowledgedBy: null,
        ResolvedAt: status == AlertStatus.Resolved ? at : null,
        ResolvedBy: status == AlertStatus.Resolved ? "auto" : null,
        AffectedSessions: 80,
        RevenueAtRiskMinor: 400_000,
        Currency: "EUR",
        TopDeclineCodes: [],
        Guidance: null,
        Evidence: [],
        pages,
        ParentId: null,
        Occurrences: 1,
        IncidentKey: incident);

    /// <summary>Opens an incident through the feed and returns the alert the feed made of it.</summary>
    public static async Task<AlertView> OpenAsync(IAlertFeedGrain feed, string merchant, DateTimeOffset at, string severity = "critical", bool pages = true,
        string dimensionKind = "psp", string dimensionValue = "adyen")
    {
        var incident = $"{merchant}|{Guid.NewGuid():N}";
        await feed.ApplyAsync([new AlertChangeMessage("opened", View(merchant, incident, at, severity, pages, dimensionKind, dimensionValue))]);
        return (await feed.ListAsync(new AlertQuery(MerchantId: merchant))).Single(a => a.IncidentKey == incident);
    }

    /// <summary>Sends detection's next change of the same incident.</summary>
    public static Task ChangeAsync(IAlertFeedGrain feed, AlertView alert, string change, DateTimeOffset at, bool? pages = null, string? status = null) =>
        feed.ApplyAsync([new AlertChangeMessage(change, View(alert.MerchantId, alert.IncidentKey, at, alert.Severity, pages ?? alert.Pages,
            alert.Dimension.Kind, alert.Dimension.Value, status ?? alert.Status))]);

    /// <summary>The alert once it matches: notifier reports and silence boundaries reach the feed a moment after the fact.</summary>
    public static async Task<AlertView> WaitForAsync(IAlertFeedGrain feed, string id, Func<AlertView, bool> match)
    {
        for (var i = 0; i < 500; i++)
        {
            if (await feed.GetAsync(id) is { } alert && match(alert))
            {
                return alert;
            }

            await Task.Delay(20);
        }

        throw new Xunit.Sdk.XunitException($"Alert {id} never matched: {await feed.GetAsync(id)}");
    }

    public static async Task<IReadOnlyList<AlertTimelineEntry>> WaitForTimelineAsync(IAlertFeedGrain feed, string id, Func<IReadOnlyList<AlertTimelineEntry>, bool> match)
    {
        for (var i = 0; i < 500; i++)
        {
            var timeline = await feed.GetTimelineAsync(id);
            if (match(timeline))
            {
                return timeline;
            }

            await Task.Delay(20);
        }

        throw new Xunit.Sdk.XunitException($"Timeline of {id} never matched: {string.Join(", ", (await feed.GetTimelineAsync(id)).Select(e => e.Kind))}");
    }

    public static string NewMerchant() => "oncall-" + Guid.NewGuid().ToString("N")[..8];
}
