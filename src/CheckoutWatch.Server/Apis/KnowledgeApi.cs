using CheckoutWatch.Detection.Knowledge;
using CheckoutWatch.Grains.Alerts;
using CheckoutWatch.Server.Auth;

namespace CheckoutWatch.Server.Apis;

public static class KnowledgeApi
{
    public static IEndpointRouteBuilder MapKnowledge(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/knowledge", (KnowledgeBase knowledge) => Results.Ok(new
            {
                note = knowledge.Note,
                entries = knowledge.Entries
                    .OrderBy(e => e.Code ?? "~" + e.FailureKind, StringComparer.Ordinal)
                    .Select(e => new
                    {
                        networks = e.Networks,
                        @class = e.Class.ToWire(),
                        decline = e.Decline.ToString().ToLowerInvariant(),
                        retryCategory = e.RetryCategory,
                        guidance = AlertMapping.Guidance(e),
                    }),
            }))
            .RequireAuthorization(Policies.ViewBoard)
            .WithTags("Knowledge")
            .WithName("GetKnowledgeBase")
            .WithSummary("The decline-code knowledge base: meaning, who acts, what to tell the customer.");
        return app;
    }
}
