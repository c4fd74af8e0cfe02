using CheckoutWatch.Abstractions.Outreach;
using CheckoutWatch.OnCall.Timeline;
using CheckoutWatch.Server.Auth;
using CheckoutWatch.Server.Outreach;
using Microsoft.AspNetCore.Authorization;

namespace CheckoutWatch.Server.Apis;

/// <summary>
/// The agents' outreach queue: list and read (everyone on the board, contact data masked unless
/// agent or admin), claim, release and record outcomes (agents and admins). Who acts is the
/// signed-in user; audit entries are written by the queue grain.
/// </summary>
public static class OutreachApi
{
    /// <summary>The largest recovered amount accepted, in minor units (a typo guard, not a business rule).</summary>
    public const long MaxRecoveredAmountMinor = 100_000_000_000;

    public static IEndpointRouteBuilder MapOutreach(this IEndpointRouteBuilder app)
    {
        var outreach = app.MapGroup("/api/v1/outreach").WithTags("Outreach").RequireAuthorization(Policies.ViewBoard);

        outreach.MapGet("/", async (string? status, string? merchant, string? reason, string? claimedBy, int? limit, HttpContext context, OutreachAccess access) =>
            {
                OutreachStatus? statusFilter = null;
                OutreachReason? reasonFilter = null;
                if (status is not null)
                {
                    if (!OutreachWireNames.TryParseStatus(status, out var parsed))
                    {
                        return Problems.BadQuery("status", $"Unknown status '{status}': use open, claimed or done.");
                    }

                    statusFilter = parsed;
                }

                if (reason is not null)
                {
                    if (!OutreachWireNames.TryParseReason(reason, out var parsed))
                    {
                        return Problems.BadQuery("reason", $"Unknown reason '{reason}': use stuck_at_payment, repeated_failures, duplicate_charge or incident_failure.");
                    }

                    reasonFilter = parsed;
                }

                if (limit is < 1 or > 5000)
                {
                    return Problems.BadQuery("limit", "limit must be between 1 and 5000.");
                }

                return Results.Ok(await access.ListAsync(new OutreachQuery(statusFilter, merchant, reasonFilter, claimedBy, limit ?? 500), context.User));
            })
            .WithName("ListOutreach")
            .WithSummary("Outreach items by priority (open, claimed, done; duplicate charges first, then amount × urgency); filter by status, merchant, reason, claimedBy.");

        outreach.MapGet("/saved-today", (IGrainFactory grains) => grains.GetGrain<IOutreachGrain>(0).GetSavedTodayAsync())
            .WithName("GetSavedToday")
            .WithSummary("Customers recovered and revenue saved since midnight UTC (per currency), and the open and claimed counts.");

        outreach.MapGet("/{id}", async (string id, HttpContext context, OutreachAccess access) =>
                await access.GetAsync(id, context.User) is { } item ? Results.Ok(item) : Problems.NotFound($"No outreach item '{id}'."))
            .WithName("GetOutreachItem");

        outreach.MapPost("/{id}/claim", async (string id, HttpContext context, IGrainFactory grains, OutreachAccess access) =>
                await AnswerAsync(await grains.GetGrain<IOutreachGrain>(0).ClaimAsync(id, context.User.Actor()), context, access))
            .RequireAuthorization(Policies.WorkOutreach)
            .WithName("ClaimOutreachItem")
            .WithSummary("Claim an item for the signed-in agent (exclusive; claiming one's own renews it). 409 names who holds it.");

        outreach.MapPost("/{id}/release", async (string id, HttpContext context, IGrainFactory grains, IAuthorizationService authorization, OutreachAccess access) =>
            {
                // An admin may release someone else's claim (an agent who went home).
                var force = (await authorization.AuthorizeAsync(context.User, Policies.Administer)).Succeeded;
                return await AnswerAsync(await grains.GetGrain<IOutreachGrain>(0).ReleaseAsync(id, context.User.Actor(), force), context, access);
            })
            .RequireAuthorization(Policies.WorkOutreach)
            .WithName("ReleaseOutreachItem")
            .WithSummary("Give a claim back to the queue (the holder, or an admin).");

        outreach.MapPost("/{id}/outcome", async (string id, OutreachOutcomeRequest request, HttpContext context, IGrainFactory grains, OutreachAccess access) =>
            {
                if (!OutreachWireNames.TryParseOutcome(request.Outcome, out var outcome))
                {
                    return Problems.BadBody("outcome", $"Unknown outcome '{request.Outcome}': use {string.Join(", ", OutreachWireNames.Outcomes)}.");
                }

                if (outcome == OutreachOutcome.Recovered && request.RecoveredAmountMinor is not (> 0 and <= MaxRecoveredAmountMinor))
                {
                    return Problems.BadBody("recoveredAmountMinor", $"recovered needs recoveredAmountMinor: the amount saved in minor units, 1 to {MaxRecoveredAmountMinor}.");
                }

                if (outcome != OutreachOutcome.Recovered && request.RecoveredAmountMinor is not null)
                {
                    return Problems.BadBody("recoveredAmountMinor", "Only a recovered outcome carries an amount.");
                }

                if (request.Note is { } note && NoteRules.Problem(note) is { } problem && !string.IsNullOrWhiteSpace(note))
                {
                    return Problems.BadBody("note", problem);
                }

                var result = await grains.GetGrain<IOutreachGrain>(0).RecordOutcomeAsync(id, context.User.Actor(), outcome,
                    request.RecoveredAmountMinor, string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim());
                return await AnswerAsync(result, context, access);
            })
            .RequireAuthorization(Policies.WorkOutreach)
            .WithName("RecordOutreachOutcome")
            .WithSummary("Record what came of the contact: recovered (with recoveredAmountMinor), refunded, no_answer, declined_help, not_needed.");

        app.MapEscalations();
        return app;
    }

    private static async Task<IResult> AnswerAsync(OutreachCommandResult result, HttpContext context, OutreachAccess access) => result switch
    {
        { Refusal: OutreachRefusal.None, Item: { } item } => Results.Ok(await access.ViewAsync(item, context.User)),
        { Refusal: OutreachRefusal.NotFound } => Problems.NotFound(result.Detail ?? "No such outreach item."),
        { Refusal: OutreachRefusal.ClaimedByOther } => Results.Problem(statusCode: StatusCodes.Status409Conflict,
            title: $"Claimed by {result.Item?.ClaimedBy}.", detail: result.Detail, type: Problems.Base + "outreach-claimed",
            extensions: new Dictionary<string, object?> { ["claimedBy"] = result.Item?.ClaimedBy, ["claimExpiresAt"] = result.Item?.ClaimExpiresAt }),
        _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The outreach item is not in a state that allows this.",
            detail: result.Detail, type: Problems.Base + "outreach-conflict"),
    };
}
