using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CheckoutWatch.Server.Auth;
using CheckoutWatch.Server.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CheckoutWatch.Server.Tests.Board;

/// <summary>The wall display (wall.html) in headless Chromium against a real node of its own.</summary>
public sealed partial class WallTests(WallServerFixture server, ChromiumBrowser chromium) : IClassFixture<WallServerFixture>, IClassFixture<ChromiumBrowser>
{
    /// <summary>Generous, for a busy 2-core machine; auto-waiting returns as soon as the page is right.</summary>
    private const float Timeout = 30_000;

    /// <summary>Rows before the rest is summarised (WALL_TOP_N in js/wall-rank.js).</summary>
    private const int TopN = 12;

    [Fact]
    public async Task A_display_token_opens_the_wall_which_shows_a_new_alert_with_its_chart_and_its_merchant_first()
    {
        var merchant = NewMerchant("wall-alert");
        await using var wall = await OpenWallWithDisplayTokenAsync();
        await PostOutcomesAsync(merchant, successes: 12, failures: 8);
        await Expect(wall.WallRow(merchant).Locator("[data-field=\"volume\"]")).ToHaveTextAsync("20", new() { Timeout = Timeout });

        var id = await TestAlerts.OpenAsync(server, merchant);

        await Expect(wall.WallAlert(id)).ToHaveAttributeAsync("data-status", "open", new() { Timeout = Timeout });
        await Expect(wall.WallAlert(id).Locator("[data-field=\"title\"]")).ToHaveTextAsync($"Test spike on {merchant}");
        await Expect(wall.WallAlert(id).Locator("[data-field=\"figures\"]")).ToHaveTextAsync(new Regex(@"^40\s% vs 5\s%"));
        var chart = wall.WallChart(merchant);
        await Expect(chart).ToHaveAttributeAsync("data-alert-id", id, new() { Timeout = Timeout });
        await Expect(chart.Locator("canvas")).ToHaveCountAsync(1);
        await Expect(chart.Locator(".failure-chart")).ToHaveAttributeAsync("data-baseline", "0.05");
        await Expect(chart.Locator(".failure-chart")).ToHaveAttributeAsync("data-threshold", "0.1");
        await Expect(chart.Locator(".failure-chart")).ToHaveAttributeAsync("data-span-start", new Regex(@"^\d{4}-\d\d-\d\dT"));
        await Expect(chart.Locator("[data-field=\"chart-caption\"]"))
            .ToHaveTextAsync(new Regex(@"^failing 40\s% · baseline 5\s% · threshold 10\s% · alert since \d\d:\d\d$"));
        var box = await chart.Locator("canvas").BoundingBoxAsync();
        Assert.True(box is { Width: > 200, Height: > 100 }, $"The chart is too small to read across a room: {box?.Width}×{box?.Height}");

        // The merchant in trouble ranks above every merchant without an open alert, marked; the headline counts it.
        await Expect(wall.WallRow(merchant)).ToHaveAttributeAsync("data-alert-state", "open");
        Assert.True(await wall.WallRow(merchant).EvaluateAsync<bool>(
            "row => [...row.parentElement.children].slice(0, [...row.parentElement.children].indexOf(row)).every(r => r.dataset.alertState === 'open')"),
            "a merchant without an open alert ranks above the alerted one");
        await Expect(wall.WallRow(merchant).Locator("[data-field=\"alert\"]")).ToHaveTextAsync("major alert");
        await Expect(wall.Page.Locator("#wall-open")).Not.ToHaveTextAsync("0");
        await Expect(wall.Page.Locator("#wall-outreach")).ToHaveCountAsync(1);

        // Acknowledged elsewhere: the wall follows without a reload.
        using var oncall = await server.CreateUserClientAsync(Roles.Oncall);
        (await oncall.PostAsync($"/api/v1/alerts/{id}/acknowledge", null)).EnsureSuccessStatusCode();
        await Expect(wall.WallAlert(id)).ToHaveAttributeAsync("data-status", "acknowledged", new() { Timeout = Timeout });
        await Expect(wall.WallRow(merchant).Locator("[data-field=\"alert\"]")).ToHaveTextAsync("alert acknowledged");
        Assert.Empty(wall.Errors);
    }

    [Fact]
    public async Task With_hundreds_of_merchants_the_wall_shows_the_top_rows_and_one_summary_line_and_its_page_stays_small()
    {
        var prefix = NewMerchant("wall-many");
        var merchants = Enumerable.Range(0, 300).Select(i => $"{prefix}-{i:D3}").ToList();
        var worst = prefix + "-worst";
        await using var wall = await chromium.NewPageAsync(server, Roles.Wall, 1600, 900);
        await wall.OpenWallAsync();
        await Expect(wall.ConnectionState).ToHaveAttributeAsync("data-state", "live", new() { Timeout = Timeout });

        await PostWaveAsync(merchants);
        await PostOutcomesAsync(worst, successes: 5, failures: 20);

        // The worst success rate has a row near the top (only an alerted merchant may rank above it);
        // everyone else without a row is one line.
        await Expect(wall.WallRow(worst)).ToHaveCountAsync(1, new() { Timeout = Timeout });
        await Expect(wall.WallRow(worst).Locator("[data-field=\"success-rate\"]")).ToHaveTextAsync("20 %");
        Assert.Contains(await wall.WallRows().Nth(0).GetAttributeAsync("data-merchant-id"), new[] { worst }.Concat(await AlertedMerchantsAsync()));
        await Expect(wall.WallRows()).ToHaveCountAsync(TopN);
        await Expect(wall.WallRest()).ToHaveTextAsync(RestLine(), new() { Timeout = Timeout });
        var rest = int.Parse((await wall.WallRest().GetAttributeAsync("data-merchants"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(rest >= merchants.Count + 1 - TopN, $"{rest} merchants summarised");
        var elements = await wall.ElementCountAsync();
        Assert.True(elements < 1_500, $"The wall holds {elements} elements for {merchants.Count} merchants");

        // Another wave for everyone: rows are updated in place, not rebuilt, and the page does not grow.
        await wall.Page.EvaluateAsync("() => document.querySelectorAll('#wall-merchants .wall-row').forEach(r => { r.cwKept = true; })");
        var renders = await wall.RenderCountAsync();
        await PostWaveAsync(merchants);
        await PostOutcomesAsync(worst, successes: 5, failures: 20);
        await Expect(wall.WallRow(worst).Locator("[data-field=\"volume\"]")).ToHaveTextAsync("50", new() { Timeout = Timeout });
        Assert.True(await wall.RenderCountAsync() > renders);
        Assert.True(await wall.WallRow(worst).EvaluateAsync<bool>("row => row.cwKept === true"), "the row was rebuilt instead of updated");
        var after = await wall.ElementCountAsync();
        Assert.True(after <= elements + 40, $"The wall grew from {elements} to {after} elements");
        await Expect(wall.WallRows()).ToHaveCountAsync(TopN);
        Assert.Empty(wall.Errors);
    }

    [Fact]
    public async Task After_the_server_drops_the_connection_the_wall_says_stale_since_and_recovers_by_itself()
    {
        var merchant = NewMerchant("wall-away");
        await using var wall = await chromium.NewPageAsync(server, Roles.Wall, 1600, 900);
        var hub = await HubTap.AttachAsync(wall.Page);
        await wall.OpenWallAsync();
        await Expect(wall.ConnectionState).ToHaveAttributeAsync("data-state", "live", new() { Timeout = Timeout });
        await Expect(wall.ConnectionState).ToHaveTextAsync("live");
        await hub.DropAsync();
        await Expect(wall.ConnectionState).ToHaveAttributeAsync("data-state", "reconnecting", new() { Timeout = Timeout });
        await Expect(wall.ConnectionState).ToHaveAttributeAsync("data-state", "stale", new() { Timeout = Timeout });
        await Expect(wall.ConnectionState).ToHaveTextAsync(StaleSince());
        await Expect(wall.Page.Locator("body")).ToHaveAttributeAsync("data-connection", "stale");

        // What happens while the wall is away reaches it when it is back, with nobody touching it.
        await PostOutcomesAsync(merchant, successes: 2, failures: 23);
        var id = await TestAlerts.OpenAsync(server, merchant);
        hub.Restore();
        await Expect(wall.ConnectionState).ToHaveAttributeAsync("data-state", "live", new() { Timeout = Timeout });
        await Expect(wall.ConnectionState).ToHaveTextAsync("live");
        await Expect(wall.WallAlert(id)).ToHaveCountAsync(1, new() { Timeout = Timeout });
        await Expect(wall.WallRow(merchant).Locator("[data-field=\"volume\"]")).ToHaveTextAsync("25", new() { Timeout = Timeout });
        await Expect(wall.WallChart(merchant).Locator("canvas")).ToHaveCountAsync(1);
    }

    private async Task<BoardPage> OpenWallWithDisplayTokenAsync()
    {
        using var admin = await server.CreateUserClientAsync(Roles.Admin);
        using var created = await admin.PostAsJsonAsync("/api/v1/admin/display-tokens", new { name = "war-room-" + Guid.NewGuid().ToString("N")[..6] });
        created.EnsureSuccessStatusCode();
        var url = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;

        var wall = await chromium.NewPageAsync(server.BaseAddress, 1600, 900);
        await wall.Page.GotoAsync(url);
        await wall.Page.WaitForURLAsync("**/wall.html", new() { Timeout = Timeout });
        await Expect(wall.ConnectionState).ToHaveAttributeAsync("data-state", "live", new() { Timeout = Timeout });
        return wall;
    }

    private async Task<IReadOnlyList<string>> AlertedMerchantsAsync()
    {
        using var client = await server.CreateUserClientAsync(Roles.Wall);
        var alerts = await client.GetFromJsonAsync<JsonElement>("/api/v1/alerts?status=open");
        return [.. alerts.EnumerateArray().Select(a => a.GetProperty("merchantId").GetString()!)];
    }

    /// <summary>Two outcomes for each merchant (one failure for every third), in one batch.</summary>
    private async Task PostWaveAsync(IReadOnlyList<string> merchants)
    {
        var events = merchants.SelectMany((m, i) => new[]
        {
            Events.Payment(m, "s-" + Guid.NewGuid().ToString("N")[..8], "payment_succeeded"),
            Events.Payment(m, "s-" + Guid.NewGuid().ToString("N")[..8], i % 3 == 0 ? "payment_failed" : "payment_succeeded",
                failure: i % 3 == 0 ? "declined" : null, declineCode: i % 3 == 0 ? "51" : null),
        }).ToArray();
        using var response = await server.PostEventsAsync(Events.Array(events));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private async Task PostOutcomesAsync(string merchant, int successes, int failures)
    {
        var events = Enumerable.Range(0, successes + failures)
            .Select(i => i < successes
                ? Events.Payment(merchant, $"s{Guid.NewGuid():N}", "payment_succeeded")
                : Events.Payment(merchant, $"s{Guid.NewGuid():N}", "payment_failed", failure: "error", declineCode: "96"))
            .ToArray();
        using var response = await server.PostEventsAsync(Events.Array(events));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static string NewMerchant(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..6];

    [GeneratedRegex(@"^stale since \d\d:\d\d:\d\d$")]
    private static partial Regex StaleSince();

    [GeneratedRegex(@"^\d+ more merchants( · \d+ (bad|warn|good|quiet))+ · [\d,]+ payments/min, [\d,]+ failed$")]
    private static partial Regex RestLine();
}
