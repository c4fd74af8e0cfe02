using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CheckoutWatch.Server.Auth;
using CheckoutWatch.Server.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace CheckoutWatch.Server.Tests.Board;

/// <summary>An alert's detail on the board: chart, sampled affected sessions and timeline, loaded when opened.</summary>
[Collection(ServerCollection.Name)]
public sealed partial class AlertDetailTests(ServerFixture server, ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    private const float Timeout = 30_000;

    [Fact]
    public async Task The_alert_detail_shows_its_chart_a_sample_of_affected_sessions_and_its_timeline()
    {
        var merchant = "detail-" + Guid.NewGuid().ToString("N")[..8];
        await PostRepeatedFailuresAsync(merchant);
        var id = await TestAlerts.OpenAsync(server, merchant);

        await using var board = await chromium.NewPageAsync(server, Roles.Oncall, 1400, 1000);
        await board.OpenAsync();
        var card = board.AlertCard(id);
        await Expect(card).ToHaveAttributeAsync("data-status", "open", new() { Timeout = Timeout });

        var chart = card.Locator("[data-field=\"chart\"]");
        await chart.Locator("summary").ClickAsync();
        await Expect(chart.Locator("canvas")).ToHaveCountAsync(1, new() { Timeout = Timeout });
        await Expect(chart.Locator("[data-field=\"chart-caption\"]"))
            .ToHaveTextAsync(new Regex(@"^failing 40\s% · baseline 5\s% · threshold 10\s% · alert since \d\d:\d\d$"));

        var sessions = card.Locator("[data-field=\"sessions\"]");
        await sessions.Locator("summary").ClickAsync();
        await Expect(sessions.Locator("li[data-session-id=\"s1\"]"))
            .ToHaveTextAsync(new Regex(@"^\d\d:\d\d · repeated failures · s1 · €49\.99 · adyen · code 51 · 3 failed attempts$"), new() { Timeout = Timeout });
        await Expect(sessions.Locator("[data-field=\"sessions-note\"]")).ToHaveTextAsync($"1 of 1 session findings for {merchant} in the last hour, newest first.");

        var timeline = card.Locator("[data-field=\"timeline\"]");
        await timeline.Locator("summary").ClickAsync();
        await Expect(timeline.Locator("li[data-kind=\"opened\"]")).ToHaveCountAsync(1, new() { Timeout = Timeout });
        Assert.Empty(board.Errors);
    }

    /// <summary>One session failing three times (a finding) among ten successful ones, then waits for the finding to land.</summary>
    private async Task PostRepeatedFailuresAsync(string merchant)
    {
        var events = Enumerable.Range(0, 3).Select(_ => Events.Payment(merchant, "s1", "payment_failed", psp: "adyen", failure: "declined", declineCode: "51"))
            .Concat(Enumerable.Range(0, 10).Select(i => Events.Payment(merchant, $"ok{i}", "payment_succeeded")))
            .ToArray();
        using (var response = await server.PostEventsAsync(Events.Array(events)))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        using var oncall = await server.CreateUserClientAsync(Roles.Oncall);
        for (var i = 0; (await oncall.GetFromJsonAsync<JsonElement>($"/api/v1/merchants/{merchant}/findings")).GetArrayLength() == 0; i++)
        {
            Assert.True(i < 500, "No finding arrived.");
            await Task.Delay(20);
        }
    }
}
