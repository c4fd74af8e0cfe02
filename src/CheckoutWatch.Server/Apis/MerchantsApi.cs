using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Server.Auth;

namespace CheckoutWatch.Server.Apis;

public static class MerchantsApi
{
    public static IEndpointRouteBuilder MapMerchants(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/merchants/{merchantId}")
            .RequireAuthorization(IngestKeyDefaults.Policy);

        group.MapGet("/health", async (string merchantId, HttpContext context, IGrainFactory grains) =>
                IngestScope.Of(context.User).Covers(merchantId)
                    ? Results.Ok(await grains.GetGrain<IMerchantGrain>(merchantId).GetHealthAsync())
                    : Problems.OutOfScope([merchantId]))
            .WithName("GetMerchantHealth")
            .WithSummary("The merchant's health tile: volume, success rates, in-flight sessions.");

        group.MapGet("/breakdown", async (string merchantId, HttpContext context, IGrainFactory grains) =>
                IngestScope.Of(context.User).Covers(merchantId)
                    ? Results.Ok(await grains.GetGrain<IMerchantGrain>(merchantId).GetBreakdownAsync())
                    : Problems.OutOfScope([merchantId]))
            .WithName("GetMerchantBreakdown")
            .WithSummary("Counts over five minutes by PSP, payment method, card network and decline code.");
        return app;
    }
}
