using CheckoutWatch.Abstractions.Alerts;
using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Server.Auth;
using CheckoutWatch.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace CheckoutWatch.Server.Tests.Board;

/// <summary>
/// A PSP-wide alert (merchant "*", from the PSP grain) reads as "all merchants on &lt;PSP&gt;" on
/// the board, never as a bare "*", with its affected sessions and revenue at risk.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class PlatformAlertTests(ServerFixture server, ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    private const float Timeout = 30_000;

    [Fact]
    public async Task Psp_wide_alert_names_all_merchants_on_the_psp_instead_of_a_star()
    {
        var psp = $"psp{Guid.NewGuid():N}"[..12];
        await using var board = await chromium.NewPageAsync(server, Roles.Oncall);
        await board.OpenAsync();
        await Expect(board.ConnectionState).ToHaveAttributeAsync("data-state", "live", new() { Timeout = Timeout });

        var id = await OpenPspWideAlertAsync(psp);

        await Expect(board.AlertCard(id)).ToHaveCountAsync(1, new() { Timeout = Timeout });
        await Expect(board.AlertField(id, "merchant")).ToHaveTextAsync($"all merchants on {psp}");
        await Expect(board.AlertField(id, "dimension")).ToHaveTextAsync("PSP-wide");
        await Expect(board.AlertField(id, "title")).ToContainTextAsync($"psp {psp} across merchants");
        await Expect(board.AlertField(id, "revenue")).ToContainTextAsync("€");
        Assert.Empty(board.Errors);
    }

    /// <summary>Puts a PSP-wide alert into the node's real feed, as the PSP grain's detection would.</summary>
    private async Task<string> OpenPspWideAlertAsync(string psp)
    {
        var now = DateTimeOffset.UtcNow;
        var view = new AlertView(
            "", 0, "*", "payment_failure_spike", "critical", AlertStatus.Open,
            $"Technical payment failures on psp {psp} across merchants: 40 % (baseline 1.0 %)",
            new AlertDimensionView("psp", psp), new AlertFigures(0.4, 0.01, 0.1, 60, 1000, 400, null, null),
            now, now, now, null, null, null, null, 400, 2_000_000, "EUR", [], null, [], true, null, 1,
            $"*|payment_failure_spike|psp|{psp}");
        var feed = server.Services.GetRequiredService<IGrainFactory>().GetGrain<IAlertFeedGrain>(0);
        await feed.ApplyAsync([new AlertChangeMessage("opened", view)]);
        return (await feed.ListAsync(new AlertQuery(MerchantId: "*"))).Single(a => a.Dimension.Value == psp).Id;
    }
}
