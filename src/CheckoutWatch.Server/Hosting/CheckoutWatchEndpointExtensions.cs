using CheckoutWatch.Server.Apis;
using CheckoutWatch.Server.Hubs;
using CheckoutWatch.Server.Security;
using CheckoutWatch.Server.Telemetry;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace CheckoutWatch.Server.Hosting;

public static class CheckoutWatchEndpointExtensions
{
    public static WebApplication MapCheckoutWatch(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseCheckoutWatchTelemetry();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseSameOriginGuard();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapAuth();
        app.MapAdmin();
        app.MapEvents();
        app.MapMerchants();
        app.MapAlerts();
        app.MapSilences();
        app.MapOutreach();
        app.MapKnowledge();
        app.MapHub<WarRoomHub>(WarRoomHub.Path);
        app.MapAdminDashboard();
        return app;
    }
}
