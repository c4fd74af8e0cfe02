using CheckoutWatch.Abstractions.Outreach;
using CheckoutWatch.Grains.Board;
using CheckoutWatch.Server.Hubs;
using Microsoft.AspNetCore.SignalR;
using System.Threading.Channels;

namespace CheckoutWatch.Server.Outreach;

/// <summary>
/// Sends outreach changes to boards in order: items unmasked to the customer-data group (agents,
/// admins) and masked to everyone else; the saved-today figures and escalations (no contact
/// data) to all.
/// </summary>
public sealed class SignalROutreachNotifier(
    IHubContext<WarRoomHub, IWarRoomClient> hub,
    OutreachViews views,
    ILogger<SignalROutreachNotifier> logger) : BackgroundService, IOutreachNotifier
{
    private readonly Channel<Func<Task>> _sends = Channel.CreateUnbounded<Func<Task>>(new UnboundedChannelOptions { SingleReader = true });

    public void ItemsChanged(IReadOnlyList<OutreachItem> items, SavedToday saved) => _sends.Writer.TryWrite(async () =>
    {
        await hub.Clients.Group(HubGroups.CustomerData).OutreachChanged([.. items.Select(i => views.View(i, unmasked: true))]);
        await hub.Clients.Group(HubGroups.MaskedCustomerData).OutreachChanged([.. items.Select(i => views.View(i, unmasked: false))]);
        await hub.Clients.All.SavedTodayChanged(saved);
    });

    public void EscalationRaised(Escalation escalation) => _sends.Writer.TryWrite(() => hub.Clients.All.EscalationRaised(escalation));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var send in _sends.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await send();
                }
                catch (Exception ex)
                {
                    // Boards reload the queue on every reconnect; a lost push costs nothing lasting.
                    logger.LogWarning(ex, "Pushing an outreach change failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
