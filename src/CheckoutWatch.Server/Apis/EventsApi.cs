using CheckoutWatch.Ingest;
using CheckoutWatch.Server.Auth;
using CheckoutWatch.Server.Configuration;
using CheckoutWatch.Server.Ingest;
using CheckoutWatch.Server.Telemetry;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace CheckoutWatch.Server.Apis;

public static class EventsApi
{
    public const string Route = "/api/v1/events";

    public static IEndpointRouteBuilder MapEvents(this IEndpointRouteBuilder app)
    {
        app.MapPost(Route, PostEventsAsync)
            .RequireAuthorization(IngestKeyDefaults.Policy)
            .RequireRateLimiting(IngestRateLimiting.PerKeyPolicy)
            .WithName("PostEvents")
            .WithSummary("Ingest checkout events (JSON array or NDJSON).")
            .WithDescription("Valid events are accepted even when others in the batch are rejected; duplicates (same eventId) are counted once.")
            .Accepts<object[]>(IngestContentTypes.Json, IngestContentTypes.Ndjson)
            .Produces<IngestResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<IResult> PostEventsAsync(
        HttpContext context,
        IngestPipeline pipeline,
        EventBatchParser parser,
        IOptions<IngestOptions> options,
        TimeProvider clock)
    {
        var settings = options.Value;
        var request = context.Request;
        if (!IngestContentTypes.TryGetFormat(request.ContentType, out var format))
        {
            return Problems.UnsupportedMediaType(request.ContentType);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit)
        {
            sizeLimit.MaxRequestBodySize = settings.MaxBodyBytes;
        }

        using var body = await RequestBody.ReadAsync(request, settings.MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            // The rest of the body is still on the wire and Kestrel will not drain that much: it
            // closes the connection after this answer. Saying so keeps the client from sending its
            // next request on a connection that is about to go away.
            context.Response.Headers.Connection = "close";
            return Problems.TooLarge($"The body is larger than {settings.MaxBodyBytes} bytes.");
        }

        var parsed = parser.Parse(body.Memory, format, clock.GetUtcNow());
        if (parsed.IsBatchFailure)
        {
            return parsed.Failure.Kind == BatchFailureKind.Malformed
                ? Problems.MalformedBody(parsed.Failure.Message)
                : Problems.TooLarge(parsed.Failure.Message);
        }

        // A batch that names a merchant outside the key's scope is refused whole: applying the
        // rest would be a half-applied request the sender cannot tell apart from success.
        var scope = IngestScope.Of(context.User);
        var outside = parsed.Events.Select(e => e.MerchantId).Where(m => !scope.Covers(m)).Distinct(StringComparer.Ordinal).ToList();
        if (outside.Count > 0)
        {
            return Problems.OutOfScope(outside);
        }

        var outcome = await pipeline.ApplyAsync(parsed.Events);
        var rejected = outcome.SessionFull.Count == 0 ? parsed.Rejected : SessionFullRejections.Merge(parsed, outcome.SessionFull);
        IngestMetrics.Record("http", outcome, rejected);
        var response = new IngestResponse(outcome.Accepted, outcome.Duplicates, rejected);
        return Results.Json(response, IngestJsonContext.Default.IngestResponse, statusCode: StatusCodes.Status202Accepted);
    }
}
