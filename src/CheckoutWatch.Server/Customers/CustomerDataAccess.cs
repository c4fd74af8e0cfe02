using System.Security.Claims;
using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Server.Auth;
using Microsoft.AspNetCore.Authorization;

namespace CheckoutWatch.Server.Customers;

/// <summary>Reads session findings for a caller, with contact data unmasked only when the caller passes see-customer-data.</summary>
public sealed class CustomerDataAccess(IGrainFactory grains, IAuthorizationService authorization)
{
    public async Task<bool> MaySeeContactsAsync(ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, Policies.SeeCustomerData)).Succeeded;

    public async Task<IReadOnlyList<SessionFindingView>> FindingsAsync(string merchantId, ClaimsPrincipal user)
    {
        var unmasked = await MaySeeContactsAsync(user);
        var findings = await grains.GetGrain<IMerchantGrain>(merchantId).GetRecentFindingsAsync();
        return [.. findings.Select(f => SessionFindingView.From(f, unmasked))];
    }
}
