using System.Reflection;
using CheckoutWatch.Server.Auth;
using CheckoutWatch.Server.Hubs;
using CheckoutWatch.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CheckoutWatch.Server.Tests.Access;

/// <summary>No route and no hub method is open by omission: each names a known policy or is explicitly anonymous.</summary>
[Collection(ServerCollection.Name)]
public sealed class EndpointPolicyTests(ServerFixture server)
{
    private static readonly HashSet<string> _anonymous = new(StringComparer.Ordinal)
    {
        "/health/live", "/health/ready", "/openapi/{documentName}.json",
        "/api/v1/auth/signin", "/api/v1/auth/display", "/api/v1/auth/signout", "/api/v1/auth/providers", "/api/v1/auth/oidc",
    };

    [Fact]
    public void Every_route_names_a_known_policy_or_is_a_deliberately_anonymous_one()
    {
        var known = Policies.RolesFor.Keys.Append(IngestKeyDefaults.Policy).ToHashSet(StringComparer.Ordinal);
        var endpoints = server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);
        foreach (var endpoint in endpoints)
        {
            var route = endpoint.RoutePattern.RawText ?? "";
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                Assert.True(_anonymous.Contains(route), $"{route} is anonymous but not on the list of public routes.");
                continue;
            }

            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            Assert.True(policies.Count > 0 && policies.All(p => p is not null && known.Contains(p)), $"{route} names no known policy ({string.Join(",", policies)}).");
        }
    }

    [Fact]
    public void Every_hub_method_names_a_known_policy()
    {
        var methods = typeof(WarRoomHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
        Assert.NotEmpty(methods);
        foreach (var method in methods)
        {
            var policies = method.GetCustomAttributes<AuthorizeAttribute>().Select(a => a.Policy).ToList();
            Assert.True(policies.Count > 0 && policies.All(p => p is not null && Policies.RolesFor.ContainsKey(p)), $"WarRoomHub.{method.Name} names no known policy.");
        }
    }
}
