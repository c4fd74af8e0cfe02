using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Server.Auth;
using CheckoutWatch.Server.Customers;

namespace CheckoutWatch.Server.Apis;

public static class MerchantsApi
{
    public static IEndpointRouteBuilder MapMerchants(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/merchants/{merchantId}")
            .WithTags("Merchants")
            .RequireAuthorization(Policies.ViewBoard);

        group.MapGet("/health", async (string merchantId, IGrainFactory grains) =>
                Results.Ok(await grains.GetGrain<IMerchantGrain>(merchantId).GetHealthAsync()))
            .WithName("GetMerchantHealth")
            .WithSummary("The merchant's health tile: volume, success rates, in-flight sessions.");

        group.MapGet("/breakdown", async (string merchantId, IGrainFactory grains) =>
                Results.Ok(await grains.GetGrain<IMerchantGrain>(merchantId).GetBreakdownAsync()))
            .WithName("GetMerchantBreakdown")
            .WithSummary("Counts over five minutes by PSP, payment method, card network and decline code.");

        group.MapGet("/findings", async (string merchantId, HttpContext context, CustomerDataAccess customers) =>
                Results.Ok(await customers.FindingsAsync(merchantId, context.User)))
            .WithName("GetMerchantFindings")
            .WithSummary("Session findings of the last hour, newest first; customer contact data only for agents and admins, masked for others.");
        return app;
    }
}
