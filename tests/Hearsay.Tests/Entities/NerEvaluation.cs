using System.Text;
using Hearsay.Document;

namespace Hearsay.Tests.Entities;

/// <summary>
/// Strict span evaluation of the entity stage against CoNLL-style NER corpora (GermEval 2014, Universal NER).
/// Each sentence (or each document, for corpora that mark documents) becomes one article whose text is the
/// tokens joined by spaces; gold and predicted names are compared as character spans with their type.
/// Mentions count when they are names (Name, PartialName, Metonym); types map Person → PER,
/// Organization and Media → ORG, Country and Place → LOC. Besides PER/ORG/LOC and the typed total (ALL),
/// SPAN scores boundaries alone (Universal NER tags a country that acts as ORG, so span and type differ there). The corpora are read at run time from a data
/// directory and are never part of the repository.
/// </summary>
public static class NerEvaluation
{
    public sealed record Score(string Label, int Gold, int Predicted, int Correct)
    {
        public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;
        public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;
        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
        public override string ToString() => $"{Label,-4} P {Precision:P1}  R {Recall:P1}  F1 {F1:P1}  (gold {Gold}, predicted {Predicted}, correct {Correct})";
    }

    public sealed record Result(string Corpus, IReadOnlyList<Score> Scores, double Seconds, int Characters, IReadOnlyList<string> Errors)
    {
        public Score Overall => Scores[^1];
    }

    private static readonly string[] Types = { "PER", "ORG", "LOC" };

    /// <summary>The data directory: $HEARSAY_DATA, else ../shared/data next to the repository root.</summary>
    public static string? DataDirectory()
    {
        var env = Environment.GetEnvironmentVariable("HEARSAY_DATA");
        if (!string.IsNullOrEmpty(env)) return Directory.Exists(env) ? env : null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Hearsay.slnx"))) continue;
            var data = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
            return Directory.Exists(data) ? data : null;
        }
        return null;
    }

    private sealed record Doc(string Text, List<(int Start, int End, string Type)> Gold);

    /// <summary>Reads a CoNLL file: token in column <paramref name="tokenColumn"/>, BIO tags in <paramref name="tagColumns"/>
    /// (several columns for nested levels; their spans are pooled); a document ends at a blank line, or at a
    /// "# newdoc" comment when <paramref name="byDocument"/>.</summary>
    private static List<Doc> Read(string path, int tokenColumn, int[] tagColumns, bool byDocument)
    {
        var docs = new List<Doc>();
        var text = new StringBuilder();
        var gold = new List<(int, int, string)>();
        int levels = tagColumns.Length;
        var openStart = new int[levels];
        var openEnd = new int[levels];
        var openType = new string?[levels];
        void Close(int l)
        {
            if (openType[l] is { } t && !gold.Contains((openStart[l], openEnd[l], t))) gold.Add((openStart[l], openEnd[l], t));
            openType[l] = null;
        }
        void CloseAll() { for (int l = 0; l < levels; l++) Close(l); }
        void Flush()
        {
            CloseAll();
            if (text.Length > 0) docs.Add(new Doc(text.ToString(), new List<(int, int, string)>(gold)));
            text.Clear();
            gold.Clear();
        }
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith('#'))
            {
                if (byDocument && line.StartsWith("# newdoc", StringComparison.Ordinal)) Flush();
                continue;
            }
            if (line.Length == 0)
            {
                if (byDocument) { CloseAll(); if (text.Length > 0) text.Append("\n\n"); }
                else Flush();
                continue;
            }
            var cols = line.Split('\t');
            if (cols.Length <= Math.Max(tokenColumn, tagColumns.Max())) continue;
            if (text.Length > 0 && text[^1] != '\n') text.Append(' ');
            int start = text.Length;
            text.Append(cols[tokenColumn]);
            int end = text.Length;
            for (int l = 0; l < levels; l++)
            {
                var tag = cols[tagColumns[l]];
                var type = tag.Length > 2 ? tag[2..] : "";
                if (tag.StartsWith("B-", StringComparison.Ordinal) || (tag.StartsWith("I-", StringComparison.Ordinal) && openType[l] != type))
                {
                    Close(l);
                    if (Array.IndexOf(Types, type) >= 0) { openType[l] = type; openStart[l] = start; openEnd[l] = end; }
                }
                else if (tag.StartsWith("I-", StringComparison.Ordinal) && openType[l] == type) openEnd[l] = end;
                else Close(l);
            }
        }
        Flush();
        return docs;
    }

    public static string? TypeOf(EntityType t) => t switch
    {
        EntityType.Person => "PER",
        EntityType.Organization or EntityType.Media => "ORG",
        EntityType.Country or EntityType.Place => "LOC",
        _ => null,
    };

    public static Result Evaluate(string corpus, string path, string language, int tokenColumn, int[] tagColumns, bool byDocument, int maxErrors = 0)
    {
        var docs = Read(path, tokenColumn, tagColumns, byDocument);
        var analyzer = new Analyzer();
        var counts = Types.ToDictionary(t => t, _ => new int[3]);   // gold, predicted, correct
        int spanCorrect = 0;   // predicted spans that are gold spans of any type
        var errors = new List<string>();
        int chars = 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        foreach (var doc in docs)
        {
            chars += doc.Text.Length;
            var article = analyzer.AnalyzeText(doc.Text, new ArticleMetadata { Language = language });
            var predicted = new HashSet<(int, int, string)>();
            foreach (var m in article.Mentions)
            {
                if (m.Kind is not (MentionKind.Name or MentionKind.PartialName or MentionKind.Metonym) || m.EntityId < 0) continue;
                var type = TypeOf(article.Entities[m.EntityId].Type);
                if (type is not null) predicted.Add((m.Span.Start, m.Span.End, type));
            }
            var gold = doc.Gold.ToHashSet();
            var goldSpans = gold.Select(g => (g.Item1, g.Item2)).ToHashSet();
            foreach (var p in predicted) if (goldSpans.Contains((p.Item1, p.Item2))) spanCorrect++;
            foreach (var g in gold) counts[g.Item3][0]++;
            foreach (var p in predicted)
            {
                counts[p.Item3][1]++;
                if (gold.Contains(p)) counts[p.Item3][2]++;
                else if (errors.Count < maxErrors) errors.Add($"FP {p.Item3} «{doc.Text[p.Item1..p.Item2]}» in: {Snippet(doc.Text, p.Item1)}");
            }
            foreach (var g in gold)
                if (!predicted.Contains(g) && errors.Count < maxErrors) errors.Add($"FN {g.Item3} «{doc.Text[g.Item1..g.Item2]}» in: {Snippet(doc.Text, g.Item1)}");
        }
        var scores = Types.Select(t => new Score(t, counts[t][0], counts[t][1], counts[t][2])).ToList();
        var all = new Score("ALL", scores.Sum(s => s.Gold), scores.Sum(s => s.Predicted), scores.Sum(s => s.Correct));
        scores.Add(new Score("SPAN", all.Gold, all.Predicted, spanCorrect));   // boundaries only, any type
        scores.Add(all);
        return new Result(corpus, scores, watch.Elapsed.TotalSeconds, chars, errors);
    }

    private static string Snippet(string text, int at)
    {
        int s = Math.Max(0, at - 50), e = Math.Min(text.Length, at + 50);
        return text[s..e].Replace('\n', ' ');
    }

    /// <summary>The corpora under the data directory that exist: (name, file, language, token column, tag columns, by document).
    /// GermEval pools its outer and inner level, as its official metric does.</summary>
    public static IEnumerable<(string Name, string Path, string Language, int TokenColumn, int[] TagColumns, bool ByDocument)> Corpora(string data)
    {
        var list = new (string, string, string, int, int[], bool)[]
        {
            ("germeval-dev", Path.Combine(data, "germeval2014-ner", "NER-de-dev.tsv"), "de", 1, new[] { 2, 3 }, false),
            ("germeval-test", Path.Combine(data, "germeval2014-ner", "NER-de-test.tsv"), "de", 1, new[] { 2, 3 }, false),
            ("uner-de-pud", Path.Combine(data, "uner", "German-PUD", "de_pud-ud-test.iob2"), "de", 1, new[] { 2 }, true),
            ("uner-en-pud", Path.Combine(data, "uner", "English-PUD", "en_pud-ud-test.iob2"), "en", 1, new[] { 2 }, true),
            ("uner-en-ewt", Path.Combine(data, "uner", "English-EWT", "en_ewt-ud-test.iob2"), "en", 1, new[] { 2 }, true),
        };
        return list.Where(c => File.Exists(c.Item2));
    }
}
