namespace Hearsay.Eval;

/// <summary>One annotation as token-id sets: the part that aligns annotations (a quote, a cue) and its
/// roles, with optional form and medium labels.</summary>
public sealed class AnnotationGroup
{
    public AnnotationGroup(int[] trigger, IReadOnlyDictionary<string, int[]> roles, string? form = null, string? medium = null)
    {
        Trigger = Normalize(trigger);
        Roles = roles.ToDictionary(kv => kv.Key, kv => Normalize(kv.Value));
        Form = form;
        Medium = medium;
    }

    public int[] Trigger { get; }
    public IReadOnlyDictionary<string, int[]> Roles { get; }
    public string? Form { get; }
    public string? Medium { get; }
    public int[] Role(string name) => Roles.TryGetValue(name, out var r) ? r : Array.Empty<int>();

    /// <summary>Sorted and without duplicates, as the scorers compare sets.</summary>
    public static int[] Normalize(IEnumerable<int> ids)
    {
        var a = ids.ToArray();
        Array.Sort(a);
        int n = 0;
        for (int i = 0; i < a.Length; i++) if (n == 0 || a[i] != a[n - 1]) a[n++] = a[i];
        return n == a.Length ? a : a[..n];
    }
}

/// <summary>How one system annotation and one gold annotation were paired (either may be missing).</summary>
public readonly record struct AlignedPair(AnnotationGroup? Sys, AnnotationGroup? Gold, int SysIndex, int GoldIndex);

/// <summary>
/// The scorer of the GermEval 2023 speaker-attribution tasks (SpkAtt-2023), generalised over which part
/// aligns annotations:
/// <list type="number">
/// <item>Per document, system and gold annotations are paired one-to-one by a linear sum assignment that
///   maximises the token-overlap F1 of the aligning part, plus +0.01 when the form labels match and +0.001
///   when the medium labels match (bonuses only when the overlap is positive). min(#sys, #gold) pairs are
///   formed, zero-overlap pairs included; the rest is paired with an empty annotation.</item>
/// <item>Per pair and part: TP, FP, FN tokens. Per (pair, part) cell P = TP/(TP+FP) and R = TP/(TP+FN);
///   a cell whose denominator is zero is skipped. P and R are averaged over the cells of the corpus
///   (aligning part; roles pooled; all parts pooled = joint), and F1 is taken from the averages.</item>
/// <item>Form and medium: micro counts per pair: equal labels one TP; different labels one FP (system) and
///   one FN (gold); unpaired system annotations FP, unpaired gold FN.</item>
/// </list>
/// </summary>
public sealed class AlignedScorer
{
    private readonly string[] _roles;
    private readonly bool _labelBonuses;
    private MacroPr _trigger;
    private readonly MacroPr[] _roleMacro;
    private Prf _triggerMicro;
    private readonly Prf[] _roleMicro;
    private Prf _form;
    private Prf _medium;

    public AlignedScorer(IReadOnlyList<string> roles, bool labelBonuses)
    {
        _roles = roles.ToArray();
        _labelBonuses = labelBonuses;
        _roleMacro = new MacroPr[_roles.Length];
        _roleMicro = new Prf[_roles.Length];
    }

    public IReadOnlyList<string> RoleNames => _roles;

    /// <summary>Token-overlap F1 of two sorted id sets (0 when either is empty).</summary>
    public static double OverlapF1(int[] gold, int[] sys)
    {
        var c = Prf.OfSets(gold, sys);
        if (c.Tp == 0) return 0;
        double p = (double)c.Tp / (c.Tp + c.Fp);
        double r = (double)c.Tp / (c.Tp + c.Fn);
        return 2 * p * r / (p + r);
    }

    /// <summary>Pairs system with gold annotations of one document (see the class summary).</summary>
    public List<AlignedPair> Align(IReadOnlyList<AnnotationGroup> sys, IReadOnlyList<AnnotationGroup> gold)
    {
        var pairs = new List<AlignedPair>();
        var usedS = new bool[sys.Count];
        var usedG = new bool[gold.Count];
        if (sys.Count > 0 && gold.Count > 0)
        {
            var score = new double[gold.Count, sys.Count];
            for (int i = 0; i < gold.Count; i++)
                for (int j = 0; j < sys.Count; j++)
                {
                    double overlap = OverlapF1(gold[i].Trigger, sys[j].Trigger);
                    double formBonus = 0, mediumBonus = 0;
                    if (_labelBonuses && overlap > 0)
                    {
                        if (gold[i].Form == sys[j].Form) formBonus = 0.01;
                        if (gold[i].Medium == sys[j].Medium) mediumBonus = 0.001;
                    }
                    score[i, j] = overlap + formBonus + mediumBonus; // summed in the reference scorer's order
                }
            var (rows, cols) = LinearSumAssignment.Solve(score, maximize: true);
            for (int k = 0; k < rows.Length; k++)
            {
                pairs.Add(new AlignedPair(sys[cols[k]], gold[rows[k]], cols[k], rows[k]));
                usedS[cols[k]] = true;
                usedG[rows[k]] = true;
            }
        }
        for (int j = 0; j < sys.Count; j++) if (!usedS[j]) pairs.Add(new AlignedPair(sys[j], null, j, -1));
        for (int i = 0; i < gold.Count; i++) if (!usedG[i]) pairs.Add(new AlignedPair(null, gold[i], -1, i));
        return pairs;
    }

    /// <summary>Scores one document and returns its pairs (for error analysis).</summary>
    public List<AlignedPair> AddDocument(IReadOnlyList<AnnotationGroup> sys, IReadOnlyList<AnnotationGroup> gold)
    {
        var pairs = Align(sys, gold);
        foreach (var pair in pairs) AddPair(pair.Sys, pair.Gold);
        return pairs;
    }

    private void AddPair(AnnotationGroup? sys, AnnotationGroup? gold)
    {
        var empty = Array.Empty<int>();
        var t = Prf.OfSets(gold?.Trigger ?? empty, sys?.Trigger ?? empty);
        _trigger.Add(t);
        _triggerMicro.Add(t);
        for (int r = 0; r < _roles.Length; r++)
        {
            var c = Prf.OfSets(gold?.Role(_roles[r]) ?? empty, sys?.Role(_roles[r]) ?? empty);
            _roleMacro[r].Add(c);
            _roleMicro[r].Add(c);
        }
        if (!_labelBonuses) return;
        Label(ref _form, sys?.Form, gold?.Form);
        Label(ref _medium, sys?.Medium, gold?.Medium);
    }

    private static void Label(ref Prf counts, string? sys, string? gold)
    {
        if (sys == gold) { if (gold is not null) counts.Tp++; return; }
        if (sys is not null) counts.Fp++;
        if (gold is not null) counts.Fn++;
    }

    /// <summary>Macro P/R/F1 of the aligning part alone.</summary>
    public MacroPr Trigger => _trigger;

    /// <summary>Macro P/R/F1 over the role cells pooled.</summary>
    public MacroPr Roles
    {
        get { var m = new MacroPr(); foreach (var r in _roleMacro) m.Add(r); return m; }
    }

    /// <summary>Macro P/R/F1 over all cells (aligning part and roles).</summary>
    public MacroPr Joint
    {
        get { var m = Roles; m.Add(_trigger); return m; }
    }

    public MacroPr Role(string name) => _roleMacro[Array.IndexOf(_roles, name)];
    public Prf RoleMicro(string name) => _roleMicro[Array.IndexOf(_roles, name)];
    public Prf TriggerMicro => _triggerMicro;
    public Prf Form => _form;
    public Prf Medium => _medium;
}
