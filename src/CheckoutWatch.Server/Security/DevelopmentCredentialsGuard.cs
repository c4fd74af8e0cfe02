using CheckoutWatch.Server.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace CheckoutWatch.Server.Security;

/// <summary>
/// Checks, once the server knows its addresses and before the node is reported started, that
/// no development credential (a repository ingest key, a plain-text board password) is exposed
/// beyond loopback; otherwise startup fails with the reason.
/// </summary>
internal sealed class DevelopmentCredentialsGuard(IServer server, IOptions<IngestOptions> ingest, IOptions<DemoOptions> demo, IOptions<AuthOptions> auth) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var keys = ingest.Value.Keys.SelectMany(k => new[] { k.Key, k.NextKey }).Append(demo.Value.Enabled ? demo.Value.IngestKey : null);
        var plainTextPasswords = auth.Value.Users.Where(u => !string.IsNullOrEmpty(u.Password)).Select(u => u.Name);
        if (DevelopmentCredentials.Violation(addresses, keys, plainTextPasswords) is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
