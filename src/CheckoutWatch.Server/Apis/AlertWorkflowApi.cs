using CheckoutWatch.Abstractions.Audit;
using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.OnCall.Timeline;
using CheckoutWatch.Server.Auth;

namespace CheckoutWatch.Server.Apis;

/// <summary>The on-call workflow beyond acknowledge/resolve: notes, reopen, the timeline. Who acts is the signed-in user.</summary>
public static class AlertWorkflowApi
{
    public static RouteGroupBuilder MapAlertWorkflow(this RouteGroupBuilder alerts)
    {
        alerts.MapPost("/{id}/notes", async (string id, AlertNoteRequest request, HttpContext context, IGrainFactory grains, IAuditLog audit) =>
                NoteRules.Problem(request.Text) is { } problem
                    ? Problems.BadBody("text", problem)
                    : await AlertsApi.ActAsync(id, context.User.Actor(), AuditActions.AlertNoted,
                        (alertId, actor) => grains.GetGrain<IAlertFeedGrain>(0).AddNoteAsync(alertId, actor, request.Text!.Trim()), audit))
            .RequireAuthorization(Policies.ActOnAlerts)
            .WithName("AddAlertNote")
            .WithSummary("Add a note to an alert's timeline (visible to everyone on the board).");

        alerts.MapPost("/{id}/reopen", (string id, HttpContext context, IGrainFactory grains, IAuditLog audit) =>
                AlertsApi.ActAsync(id, context.User.Actor(), AuditActions.AlertReopened, grains.GetGrain<IAlertFeedGrain>(0).ReopenAsync, audit))
            .RequireAuthorization(Policies.ActOnAlerts)
            .WithName("ReopenAlert")
            .WithSummary("Reopen a resolved alert: open again, acknowledgement cleared, on-call notified anew.");

        alerts.MapGet("/{id}/timeline", async (string id, IGrainFactory grains) =>
                await grains.GetGrain<IAlertFeedGrain>(0).GetTimelineAsync(id) is { IsDefault: false } entries
                    ? Results.Ok(new { alertId = id, entries })
                    : Problems.NotFound($"No alert '{id}'."))
            .WithName("GetAlertTimeline")
            .WithSummary("Everything that happened to the alert, oldest first: state changes, notes, silences, notifications.");
        return alerts;
    }
}
