using System.Security.Claims;
using CheckoutWatch.Abstractions.Security;

namespace CheckoutWatch.Server.Auth;

/// <summary>
/// Whether a signed-in board principal still stands: a wall display's token must not have been
/// revoked, a password user must still be configured. Asked on every HTTP request (cookie
/// validation) and every hub call (<see cref="Hubs.HubAuthorizationFilter"/>), so a revocation
/// takes effect on the next one.
/// </summary>
public sealed class SessionValidator(IGrainFactory grains, BoardUserStore users)
{
    public async ValueTask<bool> IsCurrentAsync(ClaimsPrincipal principal)
    {
        if (principal.FindFirst(BoardClaims.DisplayTokenId)?.Value is { } tokenId)
        {
            return await grains.GetGrain<IDisplayTokenGrain>(0).IsActiveAsync(tokenId);
        }

        if (principal.FindFirst(BoardClaims.Method)?.Value == SignInMethods.Password)
        {
            return users.ByName(principal.Actor()) is not null;
        }

        return principal.Identity?.IsAuthenticated == true;
    }
}
