using CheckoutWatch.Server.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace CheckoutWatch.Server.Hosting;

/// <summary>Tells whoever started the node where the board is and, in development, which key to send.</summary>
internal sealed class StartupBanner(
    IHostApplicationLifetime lifetime,
    IServer server,
    IHostEnvironment environment,
    IOptions<IngestOptions> ingest,
    IOptions<DemoOptions> demo,
    IOptions<AuthOptions> auth,
    ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                logger.LogInformation("CheckoutWatch board: {Address}/", address.TrimEnd('/'));
            }

            // Only a development key written in plain text in development configuration is shown;
            // real keys are configured as hashes and are never printed.
            if (environment.IsDevelopment())
            {
                foreach (var key in ingest.Value.Keys.Where(k => k.Key is not null && k.Name == "development"))
                {
                    logger.LogInformation("Development ingest key (X-Api-Key): {Key} for merchants {Merchants}", key.Key, string.Join(",", key.Merchants));
                }

                // The development users (plain-text passwords, loopback only: see DevelopmentCredentialsGuard).
                foreach (var user in auth.Value.Users.Where(u => u.Password is not null && u.Name.StartsWith("dev-", StringComparison.Ordinal)))
                {
                    logger.LogInformation("Development board user: {Name} / {Password} ({Roles})", user.Name, user.Password, string.Join(",", user.Roles));
                }
            }

            logger.LogInformation("Demo traffic: {State}", demo.Value.Enabled ? "on" : "off");
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
