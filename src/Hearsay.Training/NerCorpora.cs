using Hearsay.Eval;
using Hearsay.Eval.Gum;
using Hearsay.Eval.Ner;

namespace Hearsay.Training;

/// <summary>
/// The corpora the name tagger may learn from, read from the evaluation data folder (never copied into
/// the repository). Only corpora whose licence allows shipping a model trained on them are read here:
/// GermEval 2014 NER (CC BY 4.0) and the GUM news and interview documents (annotations CC BY 4.0).
/// </summary>
public static class NerCorpora
{
    /// <summary>The split of GermEval 2014 the German model learns from: dev (the test split is what
    /// <c>hearsay eval</c> reports; the train split is not in the data folder).</summary>
    public const string GermEvalFile = "NER-de-dev.tsv";

    /// <summary>GermEval 2014 sentences with all their outer-level names: PER, LOC, ORG, OTH and their "-deriv"
    /// and "-part" forms ("deutsche", "EU-weit"); the tagger learns the forms its labels have
    /// (<see cref="NerTraining.LabelsFor"/>).</summary>
    public static List<NamedText> GermEval(string path)
    {
        var result = new List<NamedText>();
        foreach (var sentence in NerReaders.GermEval(path))
        {
            var layout = sentence.Layout();
            var names = new List<GoldName>();
            foreach (var span in Iob.Decode(sentence.Tags))
            {
                names.Add(new GoldName(layout.Grid.Start(span.First), layout.Grid.End(span.Last), span.Type));
            }
            result.Add(new NamedText("germeval:" + sentence.Id, layout.Text, "de", names)
            {
                Grid = layout.Grid, GoldSpans = Iob.Decode(sentence.Tags), AllClasses = true,
            });
        }
        return result;
    }

    /// <summary>The GUM documents of a split (splits.tsv), each as one text with the names
    /// <see cref="GumNames"/> derives from its entity mentions.</summary>
    public static List<NamedText> Gum(string folder, string split)
    {
        var docs = GumReader.Split(Path.Combine(folder, "splits.tsv"), split)
            .Select(name => GumReader.Read(Path.Combine(folder, "coref-tsv", name + ".tsv"), Path.Combine(folder, "coref-conll", name + ".conll")))
            .ToList();
        // The split's own words tell which words are ordinary lower-case words.
        var lowerCase = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in docs)
            foreach (var w in d.Tokens)
                if (w.Length > 0 && char.IsLower(w[0])) lowerCase.Add(w.ToLowerInvariant());
        var namer = new GumNames(lowerCase, docs);
        return docs.Select(d =>
        {
            var names = namer.Names(d);
            var spans = names.Select(n => new EntitySpan(d.Grid.Overlapping(new Document.TextSpan(n.Start, n.End - n.Start)).First(),
                d.Grid.Overlapping(new Document.TextSpan(n.Start, n.End - n.Start)).Last(), n.Type)).ToList();
            return new NamedText("gum:" + d.Name, d.Text, "en", names) { Grid = d.Grid, GoldSpans = spans };
        }).ToList();
    }

    /// <summary>The corpora of a language, from the data folder.</summary>
    public static List<NamedText> For(string language, DataRoot data) => language switch
    {
        "de" => GermEval(data.Require("germeval2014-ner", GermEvalFile)),
        "en" => Gum(data.Require("gum-news"), "train"),
        _ => throw new ArgumentException($"no training data for language '{language}'"),
    };
}
