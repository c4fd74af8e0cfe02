using CheckoutWatch.Abstractions.Alerts;
using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Abstractions.Audit;
using CheckoutWatch.Detection.Alerts;
using CheckoutWatch.Server.Auth;

namespace CheckoutWatch.Server.Apis;

public static class AlertsApi
{
    public static IEndpointRouteBuilder MapAlerts(this IEndpointRouteBuilder app)
    {
        var alerts = app.MapGroup("/api/v1/alerts").WithTags("Alerts").RequireAuthorization(Policies.ViewBoard);

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

        // Who acts is the signed-in user; a body, if any, is ignored.
        alerts.MapPost("/{id}/acknowledge", (string id, HttpContext context, IGrainFactory grains, IAuditLog audit) =>
                ActAsync(id, context.User.Actor(), AuditActions.AlertAcknowledged, grains.GetGrain<IAlertFeedGrain>(0).AcknowledgeAsync, audit))
            .RequireAuthorization(Policies.ActOnAlerts)
            .WithName("AcknowledgeAlert")
            .WithSummary("Acknowledge an open alert as the signed-in user.");

        alerts.MapPost("/{id}/resolve", (string id, HttpContext context, IGrainFactory grains, IAuditLog audit) =>
                ActAsync(id, context.User.Actor(), AuditActions.AlertResolved, grains.GetGrain<IAlertFeedGrain>(0).ResolveAsync, audit))
            .RequireAuthorization(Policies.ActOnAlerts)
            .WithName("ResolveAlert")
            .WithSummary("Resolve an alert by hand as the signed-in user.");
        alerts.MapAlertWorkflow();
        return app;
    }

    internal static async Task<IResult> ActAsync(
        string id, string actor, string action, Func<string, string, Task<AlertCommandResult>> command, IAuditLog audit)
    {
        var result = await command(id, actor);
        if (result.Alert is { } alert)
        {
            await audit.RecordAsync(actor, action, id, $"{alert.MerchantId}: {alert.Title}");
        }

        return ToResult(id, result);
    }

    internal static IResult ToResult(string id, AlertCommandResult result) =>
        result.Alert is { } alert ? Results.Ok(alert)
        : result.Error is { } error ? Problems.Conflict(error)
        : Problems.NotFound($"No alert '{id}'.");
}
