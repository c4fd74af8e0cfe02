using System.Collections.Immutable;
using CheckoutWatch.Abstractions.Alerts;
using CheckoutWatch.Abstractions.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace CheckoutWatch.Server.Tests.Infrastructure;

/// <summary>Opens an alert in the node's real feed, as a merchant grain's detection would, without driving an incident.</summary>
public static class TestAlerts
{
    public static async Task<string> OpenAsync(ServerFixture server, string merchant)
    {
        var now = DateTimeOffset.UtcNow;
        var view = new AlertView(
            "", 0, merchant, "payment_failure_spike", "major", AlertStatus.Open, $"Test spike on {merchant}",
            new AlertDimensionView("merchant", merchant), new AlertFigures(0.4, 0.05, 0.1, 60, 100, 40, null, null),
            now, now, now, null, null, null, null, 40, 4000, "EUR", [], null, [], true, null, 1, $"test:{merchant}");
        var feed = server.Services.GetRequiredService<IGrainFactory>().GetGrain<IAlertFeedGrain>(0);
        await feed.ApplyAsync([new AlertChangeMessage("opened", view)]);
        var list = await feed.ListAsync(new AlertQuery(null, merchant, null, 10));
        return list.Single().Id;
    }
}
