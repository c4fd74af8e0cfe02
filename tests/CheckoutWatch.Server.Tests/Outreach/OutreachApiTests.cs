using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CheckoutWatch.Server.Auth;
using CheckoutWatch.Server.Tests.Infrastructure;
using static CheckoutWatch.Server.Tests.Outreach.OutreachSeed;

namespace CheckoutWatch.Server.Tests.Outreach;

/// <summary>The outreach API on the real node: the item as agents see it, claim, release, outcome, saved today, and every refusal.</summary>
[Collection(ServerCollection.Name)]
public sealed class OutreachApiTests(ServerFixture server)
{
    [Fact]
    public async Task Ingested_repeated_failures_become_an_item_with_guidance_and_a_suggested_message()
    {
        var (merchant, id) = await RepeatedFailuresAsync(server);
        using var agent = await server.CreateUserClientAsync(Roles.Agent);

        var item = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/outreach/{id}");

        Assert.Equal(("repeated_failures", "open", merchant, 4999L, "EUR", "51"), (item.GetProperty("reason").GetString(), item.GetProperty("status").GetString(),
            item.GetProperty("merchantId").GetString(), item.GetProperty("amountMinor").GetInt64(), item.GetProperty("currency").GetString(), item.GetProperty("declineCode").GetString()));
        Assert.Contains("another card", item.GetProperty("guidance").GetProperty("say").GetString(), StringComparison.Ordinal);
        Assert.Contains("balance", item.GetProperty("guidance").GetProperty("neverSay").GetString(), StringComparison.Ordinal);
        var message = item.GetProperty("suggestedMessage").GetString()!;
        Assert.StartsWith("Hello Maria,", message, StringComparison.Ordinal);
        Assert.Contains("49.99 EUR", message, StringComparison.Ordinal);
        Assert.Equal(Email, item.GetProperty("customer").GetProperty("email").GetString());
    }

    [Fact]
    public async Task A_second_agents_claim_gets_409_naming_the_holder_then_release_and_outcome_update_saved_today()
    {
        var (_, id) = await RepeatedFailuresAsync(server);
        using var agent = await server.CreateUserClientAsync(Roles.Agent);
        using var admin = await server.CreateUserClientAsync(Roles.Admin);
        var before = await agent.GetFromJsonAsync<JsonElement>("/api/v1/outreach/saved-today");

        using (var claimed = await agent.PostAsync($"/api/v1/outreach/{id}/claim", null))
        {
            var item = await claimed.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(("claimed", ServerFixture.UserName(Roles.Agent)), (item.GetProperty("status").GetString(), item.GetProperty("claimedBy").GetString()));
        }

        using (var refused = await admin.PostAsync($"/api/v1/outreach/{id}/claim", null))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal($"Claimed by {ServerFixture.UserName(Roles.Agent)}.", problem.GetProperty("title").GetString());
            Assert.Equal(ServerFixture.UserName(Roles.Agent), problem.GetProperty("claimedBy").GetString());
        }

        using (var released = await agent.PostAsync($"/api/v1/outreach/{id}/release", null))
        {
            Assert.Equal("open", (await released.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        }

        using (var done = await agent.PostAsJsonAsync($"/api/v1/outreach/{id}/outcome", new { outcome = "recovered", recoveredAmountMinor = 4999, note = "paid by link" }))
        {
            var item = await done.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(("done", "recovered", 4999L), (item.GetProperty("status").GetString(), item.GetProperty("outcome").GetString(), item.GetProperty("recoveredAmountMinor").GetInt64()));
        }

        var after = await agent.GetFromJsonAsync<JsonElement>("/api/v1/outreach/saved-today");
        Assert.Equal(before.GetProperty("customersRecovered").GetInt32() + 1, after.GetProperty("customersRecovered").GetInt32());
        Assert.Equal(Euros(before) + 4999, Euros(after));
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?target={id}&action=outreach.&limit=1000");
        var actions = audit.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["outreach.outcome", "outreach.release", "outreach.claim"], actions.Take(3));
    }

    [Fact]
    public async Task Every_refusal_is_a_problem_with_the_right_status()
    {
        var (_, id) = await RepeatedFailuresAsync(server);
        using var agent = await server.CreateUserClientAsync(Roles.Agent);
        foreach (var role in new[] { Roles.Wall, Roles.Oncall })
        {
            using var other = await server.CreateUserClientAsync(role);
            foreach (var request in new[] { $"/api/v1/outreach/{id}/claim", $"/api/v1/outreach/{id}/release", $"/api/v1/outreach/{id}/outcome", "/api/v1/escalations" })
            {
                using var response = await other.PostAsJsonAsync(request, new { outcome = "no_answer", note = "x" });
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role} POST {request}: {(int)response.StatusCode}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        foreach (var path in new[] { "claim", "release" })
        {
            await AssertProblemAsync(await agent.PostAsync($"/api/v1/outreach/or-none/{path}", null), HttpStatusCode.NotFound, "or-none");
        }

        await AssertProblemAsync(await agent.GetAsync("/api/v1/outreach/or-none"), HttpStatusCode.NotFound, "or-none");
        await AssertProblemAsync(await agent.PostAsJsonAsync("/api/v1/outreach/or-none/outcome", new { outcome = "no_answer" }), HttpStatusCode.NotFound, "or-none");
        await AssertProblemAsync(await agent.PostAsync($"/api/v1/outreach/{id}/release", null), HttpStatusCode.Conflict, "not claimed");
        await AssertProblemAsync(await agent.PostAsJsonAsync($"/api/v1/outreach/{id}/outcome", new { outcome = "saved" }), HttpStatusCode.BadRequest, "'outcome'");
        await AssertProblemAsync(await agent.PostAsJsonAsync($"/api/v1/outreach/{id}/outcome", new { }), HttpStatusCode.BadRequest, "'outcome'");
        await AssertProblemAsync(await agent.PostAsJsonAsync($"/api/v1/outreach/{id}/outcome", new { outcome = "recovered" }), HttpStatusCode.BadRequest, "'recoveredAmountMinor'");
        await AssertProblemAsync(await agent.PostAsJsonAsync($"/api/v1/outreach/{id}/outcome", new { outcome = "recovered", recoveredAmountMinor = -5 }), HttpStatusCode.BadRequest, "'recoveredAmountMinor'");
        await AssertProblemAsync(await agent.PostAsJsonAsync($"/api/v1/outreach/{id}/outcome", new { outcome = "not_needed", recoveredAmountMinor = 100 }), HttpStatusCode.BadRequest, "'recoveredAmountMinor'");
        await AssertProblemAsync(await agent.PostAsJsonAsync($"/api/v1/outreach/{id}/outcome", new { outcome = "no_answer", note = new string('x', 2001) }), HttpStatusCode.BadRequest, "'note'");
        await AssertProblemAsync(await agent.GetAsync("/api/v1/outreach?status=lost"), HttpStatusCode.BadRequest, "'status'");
        await AssertProblemAsync(await agent.GetAsync("/api/v1/outreach?reason=bored"), HttpStatusCode.BadRequest, "'reason'");
        await AssertProblemAsync(await agent.GetAsync("/api/v1/outreach?limit=0"), HttpStatusCode.BadRequest, "'limit'");

        (await agent.PostAsJsonAsync($"/api/v1/outreach/{id}/outcome", new { outcome = "no_answer" })).Dispose();
        await AssertProblemAsync(await agent.PostAsJsonAsync($"/api/v1/outreach/{id}/outcome", new { outcome = "refunded" }), HttpStatusCode.Conflict, "already has the outcome no_answer");
        await AssertProblemAsync(await agent.PostAsync($"/api/v1/outreach/{id}/claim", null), HttpStatusCode.Conflict, "is done");
        // Nothing of the refused requests changed the item.
        var item = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/outreach/{id}");
        Assert.Equal(("done", "no_answer"), (item.GetProperty("status").GetString(), item.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task Contact_data_is_whole_for_agents_and_admins_and_masked_for_wall_and_oncall()
    {
        var (merchant, id) = await RepeatedFailuresAsync(server);
        foreach (var role in Roles.All)
        {
            using var client = await server.CreateUserClientAsync(role);
            var list = await client.GetStringAsync($"/api/v1/outreach?merchant={merchant}");
            var single = await client.GetStringAsync($"/api/v1/outreach/{id}");
            foreach (var answer in new[] { list, single })
            {
                if (role is Roles.Agent or Roles.Admin)
                {
                    Assert.Contains(Email, answer, StringComparison.Ordinal);
                    Assert.Contains(Phone, answer, StringComparison.Ordinal);
                }
                else
                {
                    Assert.Contains("m•••@•••.org", answer, StringComparison.Ordinal);
                    foreach (var secret in new[] { "Schmidt", "Maria", "maria.schmidt", "1234567", "cust-77" })
                    {
                        Assert.DoesNotContain(secret, answer, StringComparison.Ordinal);
                    }
                }
            }
        }
    }

    private static long Euros(JsonElement saved) =>
        saved.GetProperty("revenue").EnumerateArray().Where(r => r.GetProperty("currency").GetString() == "EUR").Sum(r => r.GetProperty("amountMinor").GetInt64());
}
