using System.Reflection;
using CheckoutWatch.Server.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CheckoutWatch.Server.Hubs;

/// <summary>
/// Runs around every hub call, after SignalR has checked the method's own
/// <c>[Authorize(Policy = …)]</c> against the connection's user: refuses a method that names no
/// policy (fail closed), and re-checks that the session still stands (a revoked display token),
/// closing the connection when it does not. On connect it puts the connection in the group that
/// decides whether pushes carry customer contact data (<see cref="HubGroups"/>).
/// </summary>
public sealed class HubAuthorizationFilter(
    SessionValidator sessions,
    IAuthorizationService authorization,
    DisplayConnections displays,
    ILogger<HubAuthorizationFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var method = invocationContext.HubMethod;
        if (method.GetCustomAttributes<AuthorizeAttribute>().All(a => string.IsNullOrEmpty(a.Policy)))
        {
            throw new HubException($"'{method.Name}' declares no policy and is refused.");
        }

        var context = invocationContext.Context;
        if (!await sessions.IsCurrentAsync(context.User ?? new()))
        {
            logger.LogInformation("Closing hub connection of {Actor}: the session was revoked", context.User?.Actor());
            // The call is refused and the connection closed: nothing more reaches a revoked display.
            context.Abort();
            throw new HubException("Your session was revoked. Sign in again.");
        }

        return await next(invocationContext);
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        var unmasked = (await authorization.AuthorizeAsync(context.Context.User ?? new(), Policies.SeeCustomerData)).Succeeded;
        await context.Hub.Groups.AddToGroupAsync(context.Context.ConnectionId, unmasked ? HubGroups.CustomerData : HubGroups.MaskedCustomerData);
        displays.Add(context.Context);
        await next(context);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        displays.Remove(context.Context);
        return next(context, exception);
    }
}
