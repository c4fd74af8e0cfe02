using CheckoutWatch.Abstractions.Alerts;
using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Abstractions.Audit;
using CheckoutWatch.OnCall.Silences;
using CheckoutWatch.Server.Auth;

namespace CheckoutWatch.Server.Apis;

/// <summary>Silences (maintenance windows): create, list, expire.</summary>
public static class SilencesApi
{
    public static IEndpointRouteBuilder MapSilences(this IEndpointRouteBuilder app)
    {
        var silences = app.MapGroup("/api/v1/silences").WithTags("Silences").RequireAuthorization(Policies.ViewBoard);

        silences.MapGet("/", async (IGrainFactory grains, TimeProvider clock) =>
            {
                var now = clock.GetUtcNow();
                return Results.Ok((await grains.GetGrain<ISilenceGrain>(0).ListAsync()).Select(s => WithState(s, now)));
            })
            .WithName("ListSilences")
            .WithSummary("Silences scheduled, active, and ended within the last day.");

        silences.MapPost("/", async (SilenceRequest request, HttpContext context, IGrainFactory grains, IAuditLog audit, TimeProvider clock) =>
            {
                if (request.EndsAt is not null && request.DurationMinutes is not null)
                {
                    return Problems.BadBody("endsAt", "Give either endsAt or durationMinutes, not both.");
                }

                if (request.EndsAt is null && request.DurationMinutes is not (>= 1 and <= 60 * 24 * 30))
                {
                    return Problems.BadBody("durationMinutes", "Give endsAt, or durationMinutes between 1 and 43200.");
                }

                var now = clock.GetUtcNow();
                var startsAt = request.StartsAt ?? now;
                var endsAt = request.EndsAt ?? startsAt.AddMinutes(request.DurationMinutes!.Value);
                var rule = new SilenceRule(Blank(request.MerchantId), Blank(request.Kind), Blank(request.Dimension?.Kind), Blank(request.Dimension?.Value), startsAt, endsAt);
                var problems = SilenceRules.Check(rule, request.Reason, now);
                if (problems.Count > 0)
                {
                    return Problems.BadBody(problems[0].Field, string.Join(" ", problems.Select(p => p.Message)));
                }

                var created = await grains.GetGrain<ISilenceGrain>(0).CreateAsync(new SilenceView("", rule.MerchantId, rule.Kind, rule.DimensionKind,
                    rule.DimensionValue, startsAt, endsAt, context.User.Actor(), request.Reason!.Trim(), now));
                await audit.RecordAsync(context.User.Actor(), AuditActions.AlertSilenced, created.Id, $"{created.MerchantId ?? "*"}/{created.Kind ?? "*"} until {created.EndsAt:u}: {created.Reason}");
                return Results.Created($"/api/v1/silences/{created.Id}", WithState(created, now));
            })
            .RequireAuthorization(Policies.ActOnAlerts)
            .WithName("CreateSilence")
            .WithSummary("Silence alerts by merchant, kind and dimension (each optional) for a window: they stay on the board, marked, and notify nobody.");

        silences.MapPost("/{id}/expire", async (string id, HttpContext context, IGrainFactory grains, IAuditLog audit, TimeProvider clock) =>
            {
                if (await grains.GetGrain<ISilenceGrain>(0).ExpireAsync(id, context.User.Actor()) is not { } expired)
                {
                    return Problems.NotFound($"No silence '{id}'.");
                }

                await audit.RecordAsync(context.User.Actor(), AuditActions.SilenceExpired, expired.Id,
                    $"{expired.MerchantId ?? "*"}/{expired.Kind ?? "*"} ended at {expired.EndsAt:u}: {expired.Reason}");

                return Results.Ok(WithState(expired, clock.GetUtcNow()));
            })
            .RequireAuthorization(Policies.ActOnAlerts)
            .WithName("ExpireSilence")
            .WithSummary("End a silence now; alerts it covered may notify again.");
        return app;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) || value.Trim() == "*" ? null : value.Trim();

    private static string State(SilenceView s, DateTimeOffset now) =>
        s.EndsAt <= now ? "ended" : s.StartsAt > now ? "scheduled" : "active";

    private static SilenceAnswer WithState(SilenceView s, DateTimeOffset now) => new(s.Id, s.MerchantId, s.Kind,
        s.DimensionKind is null ? null : new SilenceDimension(s.DimensionKind, s.DimensionValue), s.StartsAt, s.EndsAt, s.Author, s.Reason,
        s.CreatedAt, s.ExpiredBy, State(s, now));

    /// <summary>A silence as the API answers it, with its state now (scheduled, active, ended).</summary>
    public sealed record SilenceAnswer(string Id, string? MerchantId, string? Kind, SilenceDimension? Dimension, DateTimeOffset StartsAt,
        DateTimeOffset EndsAt, string Author, string Reason, DateTimeOffset CreatedAt, string? ExpiredBy, string State);
}
