using CheckoutWatch.Fuzz;
using CheckoutWatch.Server.Tests.Infrastructure;

namespace CheckoutWatch.Server.Tests.Robustness;

/// <summary>
/// The CI-sized fuzz run (docs/robustness.md has the full one): hostile and valid requests mixed,
/// against the real node on loopback.
/// </summary>
public sealed class FuzzTests(FuzzServerFixture server) : IClassFixture<FuzzServerFixture>
{
    [Fact]
    public async Task Five_thousand_fuzzed_requests_get_no_5xx_and_every_valid_event_is_accepted_exactly_once()
    {
        var settings = new FuzzSettings
        {
            Seed = 20_261_124,
            RunId = "ci-" + Guid.NewGuid().ToString("N")[..6],
            Requests = 5_000,
            Concurrency = 4,
            MaxDuration = TimeSpan.FromMinutes(4),
            MaxBodyBytes = ServerFixture.MaxBodyBytes,
            MaxBatchEvents = 1_000,
        };
        using var client = server.CreateClient(key: null);
        client.Timeout = TimeSpan.FromSeconds(60);

        using var board = await server.CreateUserClientAsync(CheckoutWatch.Server.Auth.Roles.Wall);

        var report = await new FuzzRunner(client, FuzzServerFixture.FuzzKey, settings, boardClient: board).RunAsync();

        var summary = report.ToMarkdown("FuzzTests");
        Assert.True(report.Passed, summary);
        Assert.Equal(5_000, report.Requests);
        Assert.DoesNotContain(report.Statuses.Keys, status => status >= 500);
        Assert.True(report.ValidEventsSent > 10_000, summary);
        Assert.True(report.ResentEvents > 100, summary);
        Assert.StartsWith("ok", report.LedgerResult, StringComparison.Ordinal);
    }
}
