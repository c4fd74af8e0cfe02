using Microsoft.Playwright;

namespace CheckoutWatch.Server.Tests.Board;

/// <summary>The wall display's test hooks (wall.html) as locators over a <see cref="BoardPage"/>.</summary>
public static class WallPage
{
    public static async Task OpenWallAsync(this BoardPage page) => await page.Page.GotoAsync("/wall.html");

    /// <summary>The merchant rows, most trouble first.</summary>
    public static ILocator WallRows(this BoardPage page) => page.Page.Locator("#wall-merchants .wall-row");

    public static ILocator WallRow(this BoardPage page, string merchantId) =>
        page.Page.Locator($"#wall-merchants .wall-row[data-merchant-id=\"{merchantId}\"]");

    /// <summary>The one line that summarises the merchants without a row.</summary>
    public static ILocator WallRest(this BoardPage page) => page.Page.Locator("#wall-rest");

    public static ILocator WallChart(this BoardPage page, string merchantId) =>
        page.Page.Locator($"#wall-charts .wall-chart[data-merchant-id=\"{merchantId}\"]");

    public static ILocator WallAlert(this BoardPage page, string alertId) =>
        page.Page.Locator($"#wall-alert-list .wall-alert[data-alert-id=\"{alertId}\"]");

    /// <summary>How many elements the page holds.</summary>
    public static Task<int> ElementCountAsync(this BoardPage page) =>
        page.Page.EvaluateAsync<int>("() => document.getElementsByTagName('*').length");

    /// <summary>How many times the wall has rendered (it renders at most once a second).</summary>
    public static Task<int> RenderCountAsync(this BoardPage page) =>
        page.Page.EvaluateAsync<int>("() => Number(document.body.dataset.rendered ?? 0)");
}
