using CheckoutWatch.Server.Auth;
using Orleans.Dashboard;

namespace CheckoutWatch.Server.Telemetry;

/// <summary>
/// The Orleans Dashboard (silos, grain activations, call rates and latencies, reminders) at
/// <see cref="Path"/>, for administrators only. It profiles every grain call while on, so it is
/// off unless <c>CheckoutWatch:Telemetry:Dashboard=true</c> (Development turns it on).
/// </summary>
public static class AdminDashboard
{
    public const string Path = "/dashboard";

    public static WebApplicationBuilder AddAdminDashboard(this WebApplicationBuilder builder)
    {
        if (IsEnabled(builder.Configuration))
        {
            builder.UseOrleans(silo => silo.AddDashboard());
        }

        return builder;
    }

    public static IEndpointRouteBuilder MapAdminDashboard(this WebApplication app)
    {
        if (IsEnabled(app.Configuration))
        {
            app.MapOrleansDashboard(routePrefix: Path).RequireAuthorization(Policies.Administer);
        }

        return app;
    }

    private static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>()?.Dashboard ?? false;
}
