using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Abstractions.Outreach;
using CheckoutWatch.OnCall.Timeline;
using CheckoutWatch.Server.Auth;

namespace CheckoutWatch.Server.Apis;

/// <summary>Agents' escalations to the payments team: raised by agents and admins, read by everyone on the board.</summary>
public static class EscalationsApi
{
    public static IEndpointRouteBuilder MapEscalations(this IEndpointRouteBuilder app)
    {
        var escalations = app.MapGroup("/api/v1/escalations").WithTags("Escalations").RequireAuthorization(Policies.ViewBoard);

        escalations.MapGet("/", (IGrainFactory grains) => grains.GetGrain<IOutreachGrain>(0).ListEscalationsAsync())
            .WithName("ListEscalations")
            .WithSummary("Escalations of the last day, newest first.");

        escalations.MapPost("/", async (EscalationRequest request, HttpContext context, IGrainFactory grains) =>
            {
                if (NoteRules.Problem(request.Note) is { } problem)
                {
                    return Problems.BadBody("note", problem);
                }

                var alertId = Blank(request.AlertId);
                var alert = alertId is null ? null : await grains.GetGrain<IAlertFeedGrain>(0).GetAsync(alertId);
                if (alertId is not null && alert is null)
                {
                    return Problems.NotFound($"No alert '{alertId}' to link the escalation to.");
                }

                var itemId = Blank(request.OutreachItemId);
                var item = itemId is null ? null : await grains.GetGrain<IOutreachGrain>(0).GetAsync(itemId);
                if (itemId is not null && item is null)
                {
                    return Problems.NotFound($"No outreach item '{itemId}' to link the escalation to.");
                }

                var raised = await grains.GetGrain<IOutreachGrain>(0).EscalateAsync(new Escalation("", context.User.Actor(), default, request.Note!.Trim())
                {
                    AlertId = alertId,
                    MerchantId = Blank(request.MerchantId) ?? alert?.MerchantId ?? item?.Case.MerchantId,
                    OutreachItemId = itemId,
                });
                return Results.Created($"/api/v1/escalations/{raised.Id}", raised);
            })
            .RequireAuthorization(Policies.WorkOutreach)
            .WithName("RaiseEscalation")
            .WithSummary("Escalate a pattern to the payments team; linked to an alert, it also lands in the alert's timeline.");
        return app;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
