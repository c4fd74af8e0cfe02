using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.OnCall.Timeline;

namespace CheckoutWatch.Server.Apis;

/// <summary>The on-call workflow beyond acknowledge/resolve: notes, reopen, the timeline.</summary>
public static class AlertWorkflowApi
{
    public static RouteGroupBuilder MapAlertWorkflow(this RouteGroupBuilder alerts)
    {
        alerts.MapPost("/{id}/notes", async (string id, AlertNoteRequest request, IGrainFactory grains) =>
            {
                if (request.Invalid() is { } invalid)
                {
                    return invalid;
                }

                return NoteRules.Problem(request.Text) is { } problem
                    ? Problems.BadBody("text", problem)
                    : AlertsApi.ToResult(id, await grains.GetGrain<IAlertFeedGrain>(0).AddNoteAsync(id, request.By.Trim(), request.Text.Trim()));
            })
            .WithName("AddAlertNote")
            .WithSummary("Add a note to an alert's timeline (visible to everyone on the board).");

        alerts.MapPost("/{id}/reopen", async (string id, AlertActionRequest request, IGrainFactory grains) =>
                request.Invalid() ?? AlertsApi.ToResult(id, await grains.GetGrain<IAlertFeedGrain>(0).ReopenAsync(id, request.By.Trim())))
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
