using Hearsay.Coreference;
using Hearsay.Document;

namespace Hearsay.Eval.Gum;

/// <summary>
/// GUM news and interview documents (English Wikinews), coreference. Each document's text is rebuilt from
/// the WebAnno TSV offsets and analyzed as English. Two measurements:
/// <list type="bullet">
/// <item>CoNLL-2012 F1 (mean of MUC, B³, CEAFφ4) of Hearsay's entity layer — the mentions of each entity
///   (names, partial names, descriptions, pronouns) form one response chain — against all gold chains,
///   singletons included as the key has them; and the same restricted to person chains (gold type "person",
///   Hearsay entities of type Person).</item>
/// <item>Person pronoun accuracy: for each gold pronoun (he, him, his, she, her, …) of a person chain that has
///   an earlier mention, <see cref="PronounResolver"/> is asked for its antecedent; correct when the
///   antecedent overlaps a mention of the same chain.</item>
/// </list>
/// Splits: dev and test per splits.tsv (2 news + 2 interview documents each).
/// </summary>
public sealed class GumDataset : IEvalDataset
{
    public const string Id = "gum-news";
    public string Name => Id;
    public string SplitName(SplitChoice choice) => choice == SplitChoice.Dev ? "dev" : "test";

    private static readonly HashSet<string> PersonPronouns = new(StringComparer.OrdinalIgnoreCase)
        { "he", "him", "his", "himself", "she", "her", "hers", "herself" };

    public DatasetReport Run(EvalContext context, string split)
    {
        var names = GumReader.Split(context.Data.Require(Id, "splits.tsv"), split);
        if (names.Count == 0) throw new EvalDataMissingException(Path.Combine(context.Data.Path, Id, "splits.tsv") + $" (no documents in split '{split}')");
        var docs = context.Limited(names).Select(n => GumReader.Read(context.Data.Require(Id, "coref-tsv", n + ".tsv"), context.Data.Require(Id, "coref-conll", n + ".conll"))).ToList();
        var report = new DatasetReport();
        var all = new CorefScorer();
        var persons = new CorefScorer();
        int pronouns = 0, correct = 0;
        var outDir = context.PredictionsFolder(Id, split);
        foreach (var (doc, article) in context.AnalyzeAll(docs, d => d.Text, "en"))
        {
            var key = doc.Mentions.GroupBy(m => m.Chain).Select(g => (IReadOnlyCollection<CorefMention>)g.Select(m => new CorefMention(m.First, m.Last)).ToList()).ToList();
            var keyPersons = doc.Mentions.Where(m => m.Type == "person").GroupBy(m => m.Chain)
                .Select(g => (IReadOnlyCollection<CorefMention>)g.Select(m => new CorefMention(m.First, m.Last)).ToList()).ToList();
            var response = Response(article, doc.Grid, personsOnly: false);
            all.AddDocument(key, response);
            persons.AddDocument(keyPersons, Response(article, doc.Grid, personsOnly: true));

            foreach (var chain in doc.Mentions.Where(m => m.Type == "person").GroupBy(m => m.Chain))
            {
                var ordered = chain.OrderBy(m => m.First).ToList();
                for (int i = 1; i < ordered.Count; i++)
                {
                    var m = ordered[i];
                    if (m.First != m.Last || !PersonPronouns.Contains(doc.Tokens[m.First])) continue;
                    pronouns++;
                    var span = TextSpan.FromBounds(doc.Grid.Start(m.First), doc.Grid.End(m.First));
                    var antecedent = PronounResolver.Resolve(article, span);
                    bool ok = antecedent is { } an && chain.Any(o => o != m && TextSpan.FromBounds(doc.Grid.Start(o.First), doc.Grid.End(o.Last)).Overlaps(an.Span));
                    if (ok) correct++;
                    else
                        report.Errors.Add(antecedent is null ? "pronoun unresolved" : "pronoun resolved to another entity", () =>
                            $"«{doc.Tokens[m.First]}» → {(antecedent is { } a2 ? "«" + article.StringOf(a2.Span) + "»" : "∅")}, gold chain «{string.Join(" | ", ordered.Take(4).Select(o => string.Join(" ", doc.Tokens[o.First..(o.Last + 1)])))}»: {Excerpt.Of(doc.Text, span.Start, span.End, 80)} ({doc.Name})");
                }
            }
            if (outDir is not null) WriteConll(Path.Combine(outDir, doc.Name + ".conll"), doc, response);
        }
        report.Documents = docs.Count;
        const string task = "coreference";
        MetricRow Row(string metric, (double P, double R, double F1) x) => new(Id, task, split, metric) { P = x.P, R = x.R, F1 = x.F1, Documents = docs.Count };
        report.Rows.Add(new MetricRow(Id, task, split, "CoNLL F1 (all chains)") { F1 = all.ConllF1, Documents = docs.Count });
        report.Rows.Add(Row("MUC (all chains)", all.Muc()));
        report.Rows.Add(Row("B3 (all chains)", all.B3()));
        report.Rows.Add(Row("CEAFe (all chains)", all.CeafE()));
        report.Rows.Add(new MetricRow(Id, task, split, "CoNLL F1 (person chains)") { F1 = persons.ConllF1, Documents = docs.Count });
        // Documents here: the number of pronouns the accuracy is measured on.
        report.Rows.Add(MetricRow.Rate(Id, task, split, "person pronoun accuracy", pronouns == 0 ? 0 : (double)correct / pronouns, pronouns));
        return report;
    }

    /// <summary>Hearsay's coreference chains (the markables of the coreference layer, grouped by chain) as chains
    /// of token spans; with <paramref name="personsOnly"/>, the chains of a person entity or of person markables
    /// (he, she, "the minister").</summary>
    internal static List<IReadOnlyCollection<CorefMention>> Response(Article article, TokenGrid grid, bool personsOnly)
    {
        var byChain = new Dictionary<int, (HashSet<CorefMention> Mentions, bool Person)>();
        foreach (var m in article.Markables)
        {
            var tokens = grid.Overlapping(m.Span).ToList();
            if (tokens.Count == 0) continue;
            if (!byChain.TryGetValue(m.Chain, out var chain)) byChain[m.Chain] = chain = (new HashSet<CorefMention>(), false);
            chain.Mentions.Add(new CorefMention(tokens[0], tokens[^1]));
            bool person = m.EntityId >= 0 && m.EntityId < article.Entities.Count ? article.Entities[m.EntityId].Type == EntityType.Person : m.Animacy == Animacy.Person;
            if (person && !chain.Person) byChain[m.Chain] = (chain.Mentions, true);
        }
        var chains = new List<IReadOnlyCollection<CorefMention>>();
        foreach (var (_, chain) in byChain.OrderBy(kv => kv.Key))
            if (!personsOnly || chain.Person) chains.Add(chain.Mentions.ToList());
        return chains;
    }

    /// <summary>Hearsay's chains in the corpus's CoNLL shape ("(entity-N" … "entity-N)").</summary>
    private static void WriteConll(string path, GumDocument doc, List<IReadOnlyCollection<CorefMention>> chains)
    {
        var cells = new List<string>[doc.Tokens.Length];
        for (int i = 0; i < cells.Length; i++) cells[i] = new List<string>();
        for (int c = 0; c < chains.Count; c++)
            foreach (var m in chains[c].OrderBy(m => m.First))
            {
                if (m.First == m.Last) cells[m.First].Add($"(entity-{c + 1})");
                else { cells[m.First].Add($"(entity-{c + 1}"); cells[m.Last].Add($"entity-{c + 1})"); }
            }
        using var w = new StreamWriter(path);
        w.WriteLine($"# begin document {doc.Name}");
        for (int i = 0; i < doc.Tokens.Length; i++) w.WriteLine($"{i}\t{doc.Tokens[i]}\t{(cells[i].Count == 0 ? "_" : string.Concat(cells[i]))}");
        w.WriteLine("# end document");
    }
}
