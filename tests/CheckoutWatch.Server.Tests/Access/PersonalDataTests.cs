using System.Net.Http.Json;
using System.Text.Json;
using CheckoutWatch.Server.Auth;
using CheckoutWatch.Server.Hubs;
using CheckoutWatch.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CheckoutWatch.Server.Tests.Access;

/// <summary>Customer contact data reaches agents and admins only: checked on what actually arrives, per role, over HTTP and the hub.</summary>
[Collection(ServerCollection.Name)]
public sealed class PersonalDataTests(ServerFixture server)
{
    private const string Name = "Maria Schmidt";
    private const string Email = "maria.schmidt@example.org";
    private const string Phone = "+49 30 1234567";

    [Fact]
    public async Task Findings_carry_contact_data_to_agents_and_admins_and_masked_data_to_wall_and_oncall()
    {
        var merchant = await MerchantWithRepeatedFailuresAsync();
        foreach (var role in Roles.All)
        {
            using var client = await server.CreateUserClientAsync(role);
            var raw = await client.GetStringAsync($"/api/v1/merchants/{merchant}/findings");
            await using var hub = await server.ConnectHubAsync(role);
            var viaHub = (await hub.InvokeAsync<JsonElement>("GetFindings", merchant)).GetRawText();
            foreach (var answer in new[] { raw, viaHub })
            {
                var customer = JsonDocument.Parse(answer).RootElement.EnumerateArray().Single().GetProperty("customer");
                if (role is Roles.Agent or Roles.Admin)
                {
                    Assert.False(customer.GetProperty("masked").GetBoolean());
                    Assert.Equal(Email, customer.GetProperty("email").GetString());
                    Assert.Equal(Name, customer.GetProperty("name").GetString());
                    Assert.Equal(Phone, customer.GetProperty("phone").GetString());
                }
                else
                {
                    Assert.True(customer.GetProperty("masked").GetBoolean());
                    Assert.Equal("M. S.", customer.GetProperty("name").GetString());
                    Assert.Equal("m•••@•••.org", customer.GetProperty("email").GetString());
                    Assert.Equal("•••67", customer.GetProperty("phone").GetString());
                    foreach (var secret in new[] { "Schmidt", "maria.schmidt", "example", "1234567", "cust-77" })
                    {
                        Assert.DoesNotContain(secret, answer, StringComparison.Ordinal);
                    }
                }
            }
        }
    }

    [Fact]
    public async Task Pushes_to_the_customer_data_group_reach_only_agents_and_admins()
    {
        var received = Roles.All.ToDictionary(r => r, _ => new List<string>());
        var connections = new List<HubConnection>();
        try
        {
            foreach (var role in Roles.All)
            {
                var hub = await server.CreateHubAsync(role);
                hub.On<string>("Probe", text =>
                {
                    lock (received)
                    {
                        received[role].Add(text);
                    }
                });
                await hub.StartAsync();
                connections.Add(hub);
            }

            var context = server.Services.GetRequiredService<IHubContext<WarRoomHub>>();
            await context.Clients.Group(HubGroups.CustomerData).SendAsync("Probe", "full");
            await context.Clients.Group(HubGroups.MaskedCustomerData).SendAsync("Probe", "masked");
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (DateTime.UtcNow < deadline && received.Values.Any(l => l.Count == 0))
            {
                await Task.Delay(20);
            }
        }
        finally
        {
            foreach (var hub in connections)
            {
                await hub.DisposeAsync();
            }
        }

        Assert.Equal(["full"], received[Roles.Agent]);
        Assert.Equal(["full"], received[Roles.Admin]);
        Assert.Equal(["masked"], received[Roles.Wall]);
        Assert.Equal(["masked"], received[Roles.Oncall]);
    }

    /// <summary>A session with three failed payments (a repeated-failures finding) for a customer with contact data.</summary>
    private async Task<string> MerchantWithRepeatedFailuresAsync()
    {
        var merchant = "pii-" + Guid.NewGuid().ToString("N")[..8];
        var at = DateTimeOffset.UtcNow.ToString("O");
        var events = new List<object>
        {
            new { eventId = "e0", merchantId = merchant, sessionId = "s1", type = "checkout_started", occurredAt = at, customer = new { id = "cust-77", name = Name, email = Email, phone = Phone } },
        };
        for (var i = 1; i <= 3; i++)
        {
            events.Add(new { eventId = $"e{i}", merchantId = merchant, sessionId = "s1", type = "payment_failed", occurredAt = at, amountMinor = 4999, currency = "EUR", psp = "adyen", paymentMethod = "card", failureKind = "declined", declineCode = "51" });
        }

        using var ingest = server.CreateClient();
        using (var response = await ingest.PostAsJsonAsync("/api/v1/events", events))
        {
            Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        }

        // Findings travel session grain → merchant grain one-way: wait for them to land.
        using var agent = await server.CreateUserClientAsync(Roles.Agent);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await agent.GetFromJsonAsync<JsonElement>($"/api/v1/merchants/{merchant}/findings")).GetArrayLength() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "No finding arrived.");
            await Task.Delay(20);
        }

        return merchant;
    }
}
