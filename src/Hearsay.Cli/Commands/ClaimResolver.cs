using System.Globalization;
using Hearsay.Provenance.Graph;
using Hearsay.Provenance.Matching;

namespace Hearsay.Cli.Commands;

/// <summary>Finds the claim cluster a user means: its id or a unique prefix of it ("kb0a3"), its rank in
/// <c>hearsay claims</c> ("1" or "#1"), or words of the claim in either language ("Iran Freiwillige"), matched
/// like claims are matched against each other.</summary>
public static class ClaimResolver
{
    public static (ClusterReport? Claim, string? Error) Resolve(string query, ProvenanceGraph graph, ClaimLinker linker)
    {
        query = query.Trim();
        if (graph.Claims.Count == 0) return (null, "no claim clusters (try --min-articles 1)");
        var exact = graph.Claims.FirstOrDefault(c => c.Id.Equals(query, StringComparison.OrdinalIgnoreCase));
        if (exact is not null) return (exact, null);
        var rankText = query.StartsWith('#') ? query[1..] : query;
        if (int.TryParse(rankText, NumberStyles.None, CultureInfo.InvariantCulture, out int rank) && query.Length < 6)
            return rank >= 1 && rank <= graph.Claims.Count ? (graph.Claims[rank - 1], null) : (null, $"there is no claim #{rank} (there are {graph.Claims.Count})");
        if (query.Length >= 3 && query[0] is 'k' or 'K' && query.All(char.IsLetterOrDigit))
        {
            var prefixed = graph.Claims.Where(c => c.Id.StartsWith(query, StringComparison.OrdinalIgnoreCase)).ToList();
            if (prefixed.Count == 1) return (prefixed[0], null);
            if (prefixed.Count > 1) return (null, $"'{query}' fits {prefixed.Count} claims ({string.Join(", ", prefixed.Take(5).Select(c => c.Id))}); give more characters");
        }
        // Words: the cluster with a mention most like them, read as English and as German.
        var vectors = new Dictionary<object, ClaimVector>(ReferenceEqualityComparer.Instance);
        foreach (var c in linker.Claims) vectors[c.Mention] = c.Vector;
        var probes = new[] { linker.Normalizer.NormalizeText(query, "en"), linker.Normalizer.NormalizeText(query, "de") };
        ClusterReport? best = null;
        double bestScore = 0;
        foreach (var cluster in graph.Claims)
            foreach (var a in cluster.Appearances)
                foreach (var m in a.Mentions)
                {
                    if (!vectors.TryGetValue(m, out var v)) continue;
                    foreach (var p in probes)
                    {
                        double s = Overlap(p, v);
                        if (s > bestScore) { bestScore = s; best = cluster; }
                    }
                }
        return best is null ? (null, $"no claim matches '{query}'") : (best, null);
    }

    /// <summary>The share of the query's terms the mention has.</summary>
    private static double Overlap(ClaimVector query, ClaimVector mention)
    {
        if (query.Terms.Length == 0) return 0;
        int shared = 0, i = 0, j = 0;
        while (i < query.Terms.Length && j < mention.Terms.Length)
        {
            if (query.Terms[i] == mention.Terms[j]) { shared++; i++; j++; }
            else if (query.Terms[i] < mention.Terms[j]) i++;
            else j++;
        }
        return shared / (double)query.Terms.Length;
    }
}
