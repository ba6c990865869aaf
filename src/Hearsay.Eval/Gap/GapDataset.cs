using System.Text;
using Hearsay.Coreference;
using Hearsay.Document;

namespace Hearsay.Eval.Gap;

/// <summary>One GAP example: a Wikipedia snippet, a pronoun and two names, with whether the pronoun refers to each.</summary>
public sealed record GapExample(string Id, string Text, string Pronoun, int PronounOffset, string A, int AOffset, bool ACoref, string B, int BOffset, bool BCoref)
{
    public TextSpan PronounSpan => new(PronounOffset, Pronoun.Length);
    public TextSpan ASpan => new(AOffset, A.Length);
    public TextSpan BSpan => new(BOffset, B.Length);
    /// <summary>Masculine or feminine, from the pronoun.</summary>
    public bool Feminine => Pronoun.ToLowerInvariant() is "she" or "her" or "hers" or "herself";
}

/// <summary>GAP's scoring: true/false positives and negatives over the A and B decisions; F1 overall, by
/// pronoun gender, and the bias ratio F1(feminine) / F1(masculine).</summary>
public sealed class GapScorer
{
    public Prf All, Masculine, Feminine;

    public void Add(GapExample e, bool predictA, bool predictB)
    {
        var c = Count(e.ACoref, predictA) + Count(e.BCoref, predictB);
        All.Add(c);
        if (e.Feminine) Feminine.Add(c); else Masculine.Add(c);
    }

    private static Prf Count(bool gold, bool sys) => new(gold && sys ? 1 : 0, !gold && sys ? 1 : 0, gold && !sys ? 1 : 0);

    public double Bias => Masculine.F1 == 0 ? 0 : Feminine.F1 / Masculine.F1;
}

/// <summary>
/// GAP (gendered ambiguous pronouns, English Wikipedia): does the pronoun refer to name A, to name B, or to
/// neither? Each snippet is analyzed as English and the pronoun is resolved with
/// <see cref="PronounResolver"/>; Hearsay says A (or B) when its antecedent overlaps that name, or is the same
/// name written elsewhere in the snippet (the whole name, or its last word when only one of A and B has
/// it). Metric: GAP's F1 over the A/B decisions, overall, masculine, feminine, and the bias F/M.
/// Splits: test (2,000) and validation (454, used for tuning).
/// </summary>
public sealed class GapDataset : IEvalDataset
{
    public const string Id = "gap-coreference";
    public string Name => Id;
    public string SplitName(SplitChoice choice) => choice == SplitChoice.Dev ? "validation" : "test";

    public static IEnumerable<GapExample> Read(string path)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine()?.Split('\t') ?? throw new FormatException($"{path}: empty");
        int Col(string name) { int i = Array.IndexOf(header, name); return i >= 0 ? i : throw new FormatException($"{path}: no column {name}"); }
        int id = Col("ID"), text = Col("Text"), pron = Col("Pronoun"), pOff = Col("Pronoun-offset"), a = Col("A"), aOff = Col("A-offset"),
            aCo = Col("A-coref"), b = Col("B"), bOff = Col("B-offset"), bCo = Col("B-coref");
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0) continue;
            var c = line.Split('\t');
            yield return new GapExample(c[id], c[text], c[pron], int.Parse(c[pOff]), c[a], int.Parse(c[aOff]), Bool(c[aCo]), c[b], int.Parse(c[bOff]), Bool(c[bCo]));
        }
        static bool Bool(string s) => s.Equals("TRUE", StringComparison.OrdinalIgnoreCase);
    }

    public DatasetReport Run(EvalContext context, string split)
    {
        var path = context.Data.Require(Id, $"gap-{split}.tsv");
        var report = new DatasetReport();
        var scorer = new GapScorer();
        var outDir = context.PredictionsFolder(Id);
        var output = outDir is null ? null : new StringBuilder();
        int docs = 0;
        foreach (var (ex, article) in context.AnalyzeAll(context.Limited(Read(path)), e => e.Text, "en"))
        {
            docs++;
            var antecedent = PronounResolver.Resolve(article, ex.PronounSpan);
            var (pa, pb) = Decide(article, ex, antecedent);
            scorer.Add(ex, pa, pb);
            if (pa != ex.ACoref || pb != ex.BCoref)
            {
                string gold = ex.ACoref ? "A" : ex.BCoref ? "B" : "neither";
                string sys = pa ? "A" : pb ? "B" : antecedent is null ? "nothing" : "another name";
                report.Errors.Add($"{sys} for {gold} ({(ex.Feminine ? "feminine" : "masculine")})", () =>
                    $"{ex.Id}: «{ex.Pronoun}» → {(antecedent is { } an ? "«" + article.StringOf(an.Span) + "»" : "∅")}; A «{ex.A}», B «{ex.B}»: {Excerpt.Of(ex.Text, ex.PronounOffset, ex.PronounOffset + ex.Pronoun.Length, 120)}");
            }
            output?.Append(ex.Id).Append('\t').Append(pa ? "TRUE" : "FALSE").Append('\t').Append(pb ? "TRUE" : "FALSE").Append('\n');
        }
        if (outDir is not null) File.WriteAllText(Path.Combine(outDir, $"gap-{split}.tsv"), output!.ToString());
        report.Documents = docs;
        const string task = "pronoun coreference (A/B)";
        report.Rows.Add(MetricRow.Prf(Id, task, split, "overall", scorer.All, docs));
        report.Rows.Add(MetricRow.Prf(Id, task, split, "masculine", scorer.Masculine, docs));
        report.Rows.Add(MetricRow.Prf(Id, task, split, "feminine", scorer.Feminine, docs));
        report.Rows.Add(MetricRow.Rate(Id, task, split, "bias F/M", scorer.Bias, docs));
        return report;
    }

    /// <summary>Whether the antecedent is A and whether it is B.</summary>
    internal static (bool A, bool B) Decide(Article article, GapExample ex, PronounAntecedent? antecedent)
    {
        if (antecedent is not { } an) return (false, false);
        bool overA = an.Span.Overlaps(ex.ASpan), overB = an.Span.Overlaps(ex.BSpan);
        if (overA || overB) return (overA && !overB || overA && overB && ex.ASpan.Start <= an.Span.Start, overB && !overA || overA && overB && ex.BSpan.Start <= an.Span.Start && ex.ASpan.Start > an.Span.Start);
        var text = article.StringOf(an.Span);
        if (SameName(text, ex.A) && !SameName(text, ex.B)) return (true, false);
        if (SameName(text, ex.B) && !SameName(text, ex.A)) return (false, true);
        var last = LastWord(text);
        bool lastA = LastWord(ex.A) == last, lastB = LastWord(ex.B) == last;
        return (lastA && !lastB, lastB && !lastA);
    }

    private static bool SameName(string a, string b) => Clean(a).Equals(Clean(b), StringComparison.Ordinal);
    private static string Clean(string s) => s.EndsWith("'s", StringComparison.Ordinal) || s.EndsWith("’s", StringComparison.Ordinal) ? s[..^2] : s;
    private static string LastWord(string s) { s = Clean(s.Trim()); int sp = s.LastIndexOf(' '); return sp < 0 ? s : s[(sp + 1)..]; }
}
