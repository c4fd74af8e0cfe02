using CheckoutWatch.Abstractions.Alerts;
using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Detection.Alerts;

namespace CheckoutWatch.Server.Apis;

public static class AlertsApi
{
    public static IEndpointRouteBuilder MapAlerts(this IEndpointRouteBuilder app)
    {
        var alerts = app.MapGroup("/api/v1/alerts").WithTags("Alerts");

        alerts.MapGet("/", async (string? status, string? merchant, string? kind, int? limit, IGrainFactory grains) =>
            {
                if (status is not null && !AlertStatus.IsKnown(status))
                {
                    return Problems.BadQuery("status", $"Unknown status '{status}': use open, acknowledged or resolved.");
                }

                if (kind is not null && !AlertWireNames.TryParseKind(kind, out _))
                {
                    return Problems.BadQuery("kind", $"Unknown kind '{kind}'.");
                }

                if (limit is < 1 or > 5000)
                {
                    return Problems.BadQuery("limit", "limit must be between 1 and 5000.");
                }

                var list = await grains.GetGrain<IAlertFeedGrain>(0).ListAsync(new AlertQuery(status, merchant, kind, limit ?? 500));
                return Results.Ok(list);
            })
            .WithName("ListAlerts")
            .WithSummary("Alerts, open first, then by severity and recency; filter by status, merchant and kind.");

        alerts.MapGet("/{id}", async (string id, IGrainFactory grains) =>
                await grains.GetGrain<IAlertFeedGrain>(0).GetAsync(id) is { } alert
                    ? Results.Ok(alert)
                    : Problems.NotFound($"No alert '{id}'."))
            .WithName("GetAlert");

        alerts.MapPost("/{id}/acknowledge", async (string id, AlertActionRequest request, IGrainFactory grains) =>
                request.Invalid() ?? ToResult(id, await grains.GetGrain<IAlertFeedGrain>(0).AcknowledgeAsync(id, request.By.Trim())))
            .WithName("AcknowledgeAlert")
            .WithSummary("Acknowledge an open alert (by whom is recorded).");

        alerts.MapPost("/{id}/resolve", async (string id, AlertActionRequest request, IGrainFactory grains) =>
                request.Invalid() ?? ToResult(id, await grains.GetGrain<IAlertFeedGrain>(0).ResolveAsync(id, request.By.Trim())))
            .WithName("ResolveAlert")
            .WithSummary("Resolve an alert by hand.");
        alerts.MapAlertWorkflow();
        return app;
    }

    internal static IResult ToResult(string id, AlertCommandResult result) =>
        result.Alert is { } alert ? Results.Ok(alert)
        : result.Error is { } error ? Problems.Conflict(error)
        : Problems.NotFound($"No alert '{id}'.");
}
