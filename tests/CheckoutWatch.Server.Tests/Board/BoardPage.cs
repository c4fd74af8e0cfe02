using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace CheckoutWatch.Server.Tests.Board;

/// <summary>
/// A browser page with the board's test hooks as locators, and the script errors and console
/// errors it reported, so that a test can say the page ran cleanly.
/// </summary>
public sealed class BoardPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly ConcurrentQueue<string> _errors = new();

    internal BoardPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.PageError += (_, error) => _errors.Enqueue("page error: " + error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _errors.Enqueue("console error: " + message.Text);
            }
        };
    }

    public IPage Page { get; }

    /// <summary>Uncaught script errors and <c>console.error</c> output so far.</summary>
    public IReadOnlyCollection<string> Errors => [.. _errors];

    /// <summary>The connection indicator (<c>data-state</c> is live, reconnecting or stale).</summary>
    public ILocator ConnectionState => Page.Locator("#connection-state");

    public ILocator Tile(string merchantId) => Page.Locator($"[data-merchant-id=\"{merchantId}\"]");

    public ILocator Field(string merchantId, string field) => Tile(merchantId).Locator($"[data-field=\"{field}\"]");

    /// <summary>Every card in the alert feed for <paramref name="alertId"/> (there should be exactly one).</summary>
    public ILocator AlertCard(string alertId) => Page.Locator($"#alert-list li[data-alert-id=\"{alertId}\"]");

    /// <summary>A field of the alert's own card (not of the child alerts nested under it).</summary>
    public ILocator AlertField(string alertId, string field) =>
        AlertCard(alertId).Locator($":scope > .alert-card [data-field=\"{field}\"]");

    public ILocator AlertButton(string alertId, string name) =>
        AlertCard(alertId).Locator(":scope > .alert-card").GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>The signed-in user's name in the header.</summary>
    public ILocator UserName => Page.Locator("#session-name");

    public async Task OpenAsync() => await Page.GotoAsync("/");

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
