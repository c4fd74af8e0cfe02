using System.Collections.Immutable;
using System.Net;
using CheckoutWatch.Abstractions.Alerts;
using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Server.Auth;
using CheckoutWatch.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace CheckoutWatch.Server.Tests.Board;

/// <summary>
/// The wall on a 1920×1080 screen with demo-like traffic and an incident: everything fits the
/// screen with nothing to scroll. The picture is README's (docs/images/wall.png): set
/// <c>CHECKOUTWATCH_WALL_SCREENSHOT</c> to a path to write it there.
/// </summary>
public sealed class WallScreenshotTests(WallServerFixture server, ChromiumBrowser chromium) : IClassFixture<WallServerFixture>, IClassFixture<ChromiumBrowser>
{
    private const float Timeout = 30_000;

    /// <summary>Merchant, checkouts per round, share of payments that fail.</summary>
    private static readonly (string Merchant, int Volume, double FailureShare)[] _shops =
    [
        ("nordic-outdoor", 40, 0.45), ("cafe-lumiere", 30, 0.06), ("urban-sneakers", 36, 0.08), ("bookworm-books", 18, 0.05),
        ("pet-pantry", 22, 0.07), ("techhub-electronics", 34, 0.12), ("green-garden", 12, 0.04), ("luna-cosmetics", 26, 0.09),
        ("alpine-sports", 16, 0.05), ("kids-corner", 14, 0.06), ("vinyl-vault", 8, 0.03), ("home-and-hearth", 20, 0.07),
        ("city-bikes", 10, 0.05), ("tea-traders", 9, 0.04), ("gadget-garage", 15, 0.06), ("fresh-florist", 7, 0.02),
    ];

    [Fact]
    public async Task The_wall_with_demo_like_traffic_and_an_incident_fits_a_1080p_screen()
    {
        await using var wall = await chromium.NewPageAsync(server, Roles.Wall, 1920, 1080);
        await wall.OpenWallAsync();
        await Expect(wall.ConnectionState).ToHaveAttributeAsync("data-state", "live", new() { Timeout = Timeout });

        // Traffic for a while, paced by the wall's own renders (at most one a second), so the charts have a history.
        for (var round = 0; round < 30; round++)
        {
            var renders = await wall.RenderCountAsync();
            await PostRoundAsync(round);
            await wall.Page.WaitForFunctionAsync($"() => Number(document.body.dataset.rendered ?? 0) > {renders}", null, new() { Timeout = Timeout });
        }

        await OpenIncidentAsync("nordic-outdoor");
        await Expect(wall.WallChart("nordic-outdoor").Locator("canvas")).ToHaveCountAsync(1, new() { Timeout = Timeout });
        await Expect(wall.WallRows().First).ToHaveAttributeAsync("data-merchant-id", "nordic-outdoor", new() { Timeout = Timeout });
        await Expect(wall.Page.Locator("#wall-open")).Not.ToHaveTextAsync("0", new() { Timeout = Timeout });
        // The joint work: saved today and the outreach queue, from the agents' outcomes.
        await Expect(wall.Page.Locator("#wall-outreach")).ToContainTextAsync("Saved today", new() { Timeout = Timeout });
        await Expect(wall.Page.Locator("#wall-outreach [data-field=open]")).Not.ToHaveTextAsync("0", new() { Timeout = Timeout });

        var overflow = await wall.Page.EvaluateAsync<int>("() => document.documentElement.scrollHeight - window.innerHeight");
        Assert.True(overflow <= 0, $"The wall needs {overflow} px of scrolling on a 1080p screen");
        var path = Environment.GetEnvironmentVariable("CHECKOUTWATCH_WALL_SCREENSHOT") is { Length: > 0 } p ? p : Path.Combine(Path.GetTempPath(), "checkoutwatch-wall.png");
        await wall.Page.ScreenshotAsync(new() { Path = path });
        Assert.True(new FileInfo(path).Length > 10_000);
        Assert.Empty(wall.Errors);
    }

    private async Task PostRoundAsync(int round)
    {
        var events = new List<string>();
        foreach (var (merchant, volume, failureShare) in _shops)
        {
            for (var i = 0; i < volume; i++)
            {
                var session = $"r{round}-{i}";
                var fails = (i * 7919 % 100) < failureShare * 100;
                events.Add(Events.Started(merchant, session));
                events.Add(fails
                    ? Events.Payment(merchant, session, "payment_failed", psp: i % 3 == 0 ? "stripe" : "adyen", failure: "error", declineCode: "96")
                    : Events.Payment(merchant, session, "payment_succeeded", psp: i % 3 == 0 ? "stripe" : "adyen"));
            }
        }

        using var response = await server.PostEventsAsync(Events.Array([.. events]));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>An incident as detection reports one: technical failures through one PSP, well above baseline.</summary>
    private async Task OpenIncidentAsync(string merchant)
    {
        var now = DateTimeOffset.UtcNow;
        var view = new AlertView(
            "", 0, merchant, "payment_failure_spike", "critical", AlertStatus.Open, $"Technical payment failures on merchant {merchant}: 45 % via adyen",
            new AlertDimensionView("psp", "adyen"), new AlertFigures(0.45, 0.04, 0.12, 120, 480, 216, null, null),
            now.AddSeconds(-100), now, now, null, null, null, null, 216, 1_079_784, "EUR",
            [new DeclineCodeView("96", 198, "technical"), new DeclineCodeView("91", 18, "technical")], null, [], true, null, 1, $"screenshot:{merchant}");
        await server.Services.GetRequiredService<IGrainFactory>().GetGrain<IAlertFeedGrain>(0).ApplyAsync([new AlertChangeMessage("opened", view)]);
    }
}
