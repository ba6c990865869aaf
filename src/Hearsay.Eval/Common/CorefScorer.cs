namespace Hearsay.Eval;

/// <summary>A coreference mention: a token span [First, Last] (inclusive).</summary>
public readonly record struct CorefMention(int First, int Last);

/// <summary>
/// The CoNLL-2012 coreference metrics over key (gold) and response (system) entities, each a set of mentions
/// identified by exact token span: MUC (links), B³ (mentions) and CEAFφ4 (entities, optimally aligned with
/// φ4 = 2|K∩R| / (|K|+|R|)); the CoNLL F1 is the mean of the three F1s. Counts accumulate over documents
/// (micro), as the reference scorer sums numerators and denominators.
/// </summary>
public sealed class CorefScorer
{
    private double _mucRNum, _mucRDen, _mucPNum, _mucPDen;
    private double _b3RNum, _b3RDen, _b3PNum, _b3PDen;
    private double _ceafNum, _ceafKeys, _ceafResponses;

    public void AddDocument(IReadOnlyList<IReadOnlyCollection<CorefMention>> key, IReadOnlyList<IReadOnlyCollection<CorefMention>> response)
    {
        var k = key.Select(e => e.ToHashSet()).Where(e => e.Count > 0).ToList();
        var r = response.Select(e => e.ToHashSet()).Where(e => e.Count > 0).ToList();
        // MUC: recall = Σ(|K| − |partitions of K by R|) / Σ(|K| − 1); precision swaps the roles.
        (_mucRNum, _mucRDen) = Add(Muc(k, r), (_mucRNum, _mucRDen));
        (_mucPNum, _mucPDen) = Add(Muc(r, k), (_mucPNum, _mucPDen));
        // B³: Σ over entities Σ over the other side's entities |K∩R|² / |K|, over the number of mentions.
        (_b3RNum, _b3RDen) = Add(B3(k, r), (_b3RNum, _b3RDen));
        (_b3PNum, _b3PDen) = Add(B3(r, k), (_b3PNum, _b3PDen));
        // CEAFφ4.
        if (k.Count > 0 && r.Count > 0)
        {
            var sim = new double[k.Count, r.Count];
            for (int i = 0; i < k.Count; i++)
                for (int j = 0; j < r.Count; j++)
                {
                    int common = k[i].Count(r[j].Contains);
                    sim[i, j] = common == 0 ? 0 : 2.0 * common / (k[i].Count + r[j].Count);
                }
            var (rows, cols) = LinearSumAssignment.Solve(sim, maximize: true);
            for (int x = 0; x < rows.Length; x++) _ceafNum += sim[rows[x], cols[x]];
        }
        _ceafKeys += k.Count;
        _ceafResponses += r.Count;
    }

    private static (double, double) Add((double Num, double Den) a, (double Num, double Den) b) => (a.Num + b.Num, a.Den + b.Den);

    private static (double Num, double Den) Muc(List<HashSet<CorefMention>> key, List<HashSet<CorefMention>> response)
    {
        var owner = new Dictionary<CorefMention, int>();
        for (int j = 0; j < response.Count; j++) foreach (var m in response[j]) owner.TryAdd(m, j);
        double num = 0, den = 0;
        foreach (var e in key)
        {
            var parts = new HashSet<int>();
            int unmatched = 0;
            foreach (var m in e)
                if (owner.TryGetValue(m, out var j)) parts.Add(j); else unmatched++;
            num += e.Count - (parts.Count + unmatched);
            den += e.Count - 1;
        }
        return (num, den);
    }

    private static (double Num, double Den) B3(List<HashSet<CorefMention>> key, List<HashSet<CorefMention>> response)
    {
        var owner = new Dictionary<CorefMention, int>();
        for (int j = 0; j < response.Count; j++) foreach (var m in response[j]) owner.TryAdd(m, j);
        double num = 0, den = 0;
        foreach (var e in key)
        {
            var overlap = new Dictionary<int, int>();
            foreach (var m in e) if (owner.TryGetValue(m, out var j)) overlap[j] = overlap.GetValueOrDefault(j) + 1;
            foreach (var c in overlap.Values) num += (double)c * c / e.Count;
            den += e.Count;
        }
        return (num, den);
    }

    private static (double P, double R, double F1) Prf3(double pNum, double pDen, double rNum, double rDen)
    {
        double p = pDen == 0 ? 0 : pNum / pDen, r = rDen == 0 ? 0 : rNum / rDen;
        return (p, r, Prf.Harmonic(p, r));
    }

    public (double P, double R, double F1) Muc() => Prf3(_mucPNum, _mucPDen, _mucRNum, _mucRDen);
    public (double P, double R, double F1) B3() => Prf3(_b3PNum, _b3PDen, _b3RNum, _b3RDen);
    public (double P, double R, double F1) CeafE() => Prf3(_ceafNum, _ceafResponses, _ceafNum, _ceafKeys);
    public double ConllF1 => (Muc().F1 + B3().F1 + CeafE().F1) / 3;
}
