using System.Reflection;
using Orleans.Providers;

namespace CheckoutWatch.Server.Cluster;

/// <summary>
/// Every grain storage name the grains ask for, found in their assemblies: the names on
/// <c>[PersistentState(…, storageName)]</c> constructor parameters and on
/// <c>[StorageProvider(ProviderName = …)]</c> grain classes. The host registers each one with the
/// mode's provider (memory embedded, Redis in a cluster), so a grain that adds a storage name
/// needs no change here.
/// </summary>
public static class GrainStorageNames
{
    public static IReadOnlyList<string> In(params Assembly[] assemblies)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()).Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Grain).IsAssignableFrom(t)))
        {
            if (type.GetCustomAttribute<StorageProviderAttribute>()?.ProviderName is { Length: > 0 } provider)
            {
                names.Add(provider);
            }

            foreach (var parameter in type.GetConstructors().SelectMany(c => c.GetParameters()))
            {
                if (parameter.GetCustomAttribute<PersistentStateAttribute>()?.StorageName is { Length: > 0 } storage)
                {
                    names.Add(storage);
                }
            }
        }

        return [.. names];
    }
}
