using CheckoutWatch.Abstractions.Audit;
using CheckoutWatch.Server.Auth;
using CheckoutWatch.Server.Configuration;
using CheckoutWatch.Server.Hubs;
using Microsoft.Extensions.Options;

namespace CheckoutWatch.Server.Apis;

/// <summary>Administration (admin role): display tokens, ingest key revocation, users, the audit log.</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin").WithTags("Administration").RequireAuthorization(Policies.Administer);

        admin.MapGet("/display-tokens", async (DisplayTokens tokens) => Results.Ok(await tokens.ListAsync()))
            .WithName("ListDisplayTokens").WithSummary("Wall-display tokens (never the tokens themselves).");

        admin.MapPost("/display-tokens", async (DisplayTokenRequest request, HttpContext context, DisplayTokens tokens, IAuditLog audit) =>
            {
                if (request.Invalid() is { } problem)
                {
                    return problem;
                }

                var actor = context.User.Actor();
                var (info, token) = await tokens.CreateAsync(request.Name.Trim(), actor);
                await audit.RecordAsync(actor, AuditActions.DisplayTokenCreated, info.Id, info.Name);
                return Results.Created($"/api/v1/admin/display-tokens/{info.Id}", new CreatedDisplayToken(info, token, $"/display.html#token={token}"));
            })
            .WithName("CreateDisplayToken").WithSummary("Create a wall-display token; the token is shown in this answer only.");

        admin.MapPost("/display-tokens/{id}/revoke", async (string id, HttpContext context, DisplayTokens tokens, DisplayConnections connections, IAuditLog audit) =>
            {
                var actor = context.User.Actor();
                if (await tokens.RevokeAsync(id, actor) is not { } info)
                {
                    return Problems.NotFound($"No display token '{id}'.");
                }

                connections.Close(info.Id);
                await audit.RecordAsync(actor, AuditActions.DisplayTokenRevoked, info.Id, info.Name);
                return Results.Ok(info);
            })
            .WithName("RevokeDisplayToken").WithSummary("Revoke a display token: the display is refused from its next request or hub call.");

        admin.MapGet("/ingest-keys", (IngestKeyStore keys) => Results.Ok(keys.All.Select(k =>
                new IngestKeyView(k.Name, k.Slot, k.Fingerprint, [.. k.Merchants.Order(StringComparer.Ordinal)], keys.IsRevoked(k)))))
            .WithName("ListIngestKeys").WithSummary("Configured ingest keys by name and slot, with fingerprints (never the keys).");

        admin.MapPost("/ingest-keys/{name}/{slot}/revoke", async (string name, string slot, HttpContext context, IngestKeyStore keys, IngestKeyRevocations revocations, IAuditLog audit) =>
            {
                if (!IngestKeySlots.IsKnown(slot))
                {
                    return Problems.BadQuery("slot", $"Unknown slot '{slot}': use {IngestKeySlots.Current} or {IngestKeySlots.Next}.");
                }

                if (keys.All.FirstOrDefault(k => k.Name == name && k.Slot == slot) is not { } key)
                {
                    return Problems.NotFound($"No {slot} ingest key named '{name}'.");
                }

                var actor = context.User.Actor();
                if (await revocations.RevokeAsync(key, actor))
                {
                    await audit.RecordAsync(actor, AuditActions.IngestKeyRevoked, $"{name}/{slot}", $"fingerprint {key.Fingerprint}");
                }

                return Results.Ok(new IngestKeyView(key.Name, key.Slot, key.Fingerprint, [.. key.Merchants.Order(StringComparer.Ordinal)], Revoked: true));
            })
            .WithName("RevokeIngestKey").WithSummary("Revoke one of a key name's keys (current or next), persisted; refused on every node within seconds.");

        admin.MapGet("/users", (IOptions<AuthOptions> options) => Results.Ok(options.Value.Users.Select(u => new { u.Name, u.Roles })))
            .WithName("ListUsers").WithSummary("Configured board users and their roles (no password data).");

        app.MapGet("/api/v1/audit", async (string? actor, string? action, string? target, DateTimeOffset? from, DateTimeOffset? to, string? before, int? limit, IAuditLog audit) =>
                limit is < 1 or > 1000
                    ? Problems.BadQuery("limit", "limit must be between 1 and 1000.")
                    : from > to
                        ? Problems.BadQuery("from", "from must not be after to.")
                        : Results.Ok(await audit.QueryAsync(new AuditQuery(actor, action, target, from, to, before, limit ?? 100))))
            .RequireAuthorization(Policies.Administer)
            .WithTags("Administration")
            .WithName("GetAuditLog")
            .WithSummary("The audit log, newest first: filter by actor, action (or a prefix like 'alert.'), target and time; page with 'before' = the previous page's 'next'.");
        return app;
    }
}
