using System.Collections.Concurrent;
using CheckoutWatch.Server.Auth;
using Microsoft.AspNetCore.SignalR;

namespace CheckoutWatch.Server.Hubs;

/// <summary>
/// The hub connections of wall displays on this node. A wall display mostly listens and rarely
/// calls, so a revoked token must also end its connection without waiting for a call: revocation
/// on this node closes them at once, and every <see cref="SweepInterval"/> the node re-checks its
/// display connections (revocations made on another node).
/// </summary>
public sealed class DisplayConnections(SessionValidator sessions, TimeProvider clock, ILogger<DisplayConnections> logger) : BackgroundService
{
    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, HubCallerContext> _connections = new(StringComparer.Ordinal);

    public void Add(HubCallerContext context)
    {
        if (context.User?.FindFirst(BoardClaims.DisplayTokenId) is not null)
        {
            _connections[context.ConnectionId] = context;
        }
    }

    public void Remove(HubCallerContext context) => _connections.TryRemove(context.ConnectionId, out _);

    /// <summary>Closes every connection that signed in with the display token <paramref name="tokenId"/>.</summary>
    public void Close(string tokenId)
    {
        foreach (var context in _connections.Values.Where(c => c.User?.FindFirst(BoardClaims.DisplayTokenId)?.Value == tokenId))
        {
            context.Abort();
        }
    }

    internal async Task SweepAsync()
    {
        foreach (var context in _connections.Values)
        {
            if (context.User is { } user && !await sessions.IsCurrentAsync(user))
            {
                logger.LogInformation("Closing the hub connection of {Actor}: its display token was revoked", user.Actor());
                context.Abort();
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SweepInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SweepAsync();
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(ex, "Checking display connections failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
