using Hearsay.Document;
using Hearsay.Learning;
using Hearsay.Training;

namespace Hearsay.Tests.Training;

/// <summary>Training the name tagger on small hand-made corpora: it learns them, the same data gives the
/// same model, and the entity stage finds with the model the names it cannot find without one.</summary>
public class NerTrainingTests
{
    private static readonly NerTrainingOptions Small = new() { Epochs = 10, Bits = 16 };

    /// <summary>A text with its names marked as [[type|words]].</summary>
    private static NamedText Marked(string id, string language, string marked)
    {
        var text = new System.Text.StringBuilder();
        var names = new List<GoldName>();
        int i = 0;
        while (i < marked.Length)
        {
            int open = marked.IndexOf("[[", i, StringComparison.Ordinal);
            if (open < 0) { text.Append(marked, i, marked.Length - i); break; }
            text.Append(marked, i, open - i);
            int bar = marked.IndexOf('|', open);
            int close = marked.IndexOf("]]", bar, StringComparison.Ordinal);
            var type = marked[(open + 2)..bar];
            int start = text.Length;
            text.Append(marked, bar + 1, close - bar - 1);
            names.Add(new GoldName(start, text.Length, type));
            i = close + 2;
        }
        return new NamedText(id, text.ToString(), language, names);
    }

    private static readonly NamedText[] German =
    {
        Marked("de1", "de", "Gestern besuchte [[PER|Korvan Tesselbrink]] die Gemeinde [[LOC|Umbrakow]]."),
        Marked("de2", "de", "Der Konzern [[ORG|Velmorix]] eröffnet ein Werk in [[LOC|Umbrakow]]."),
        Marked("de3", "de", "[[PER|Tesselbrink]] leitet seit Jahren den Konzern [[ORG|Velmorix]]."),
        Marked("de4", "de", "In [[LOC|Drelsheim]] sprach [[PER|Korvan Tesselbrink]] über [[ORG|Velmorix]]."),
        Marked("de5", "de", "Die Regierung plant neue Regeln für die Werke."),
        Marked("de6", "de", "Nach [[LOC|Drelsheim]] reiste auch [[PER|Tesselbrink]]."),
    };

    private static readonly NamedText[] English =
    {
        Marked("en1", "en", "Yesterday [[PER|Korvan Tesselbrink]] visited the town of [[LOC|Umbrakow]]."),
        Marked("en2", "en", "The firm [[ORG|Velmorix]] opened a plant in [[LOC|Umbrakow]]."),
        Marked("en3", "en", "[[PER|Tesselbrink]] has led [[ORG|Velmorix]] for years."),
        Marked("en4", "en", "In [[LOC|Drelsheim]], [[PER|Korvan Tesselbrink]] spoke about [[ORG|Velmorix]]."),
        Marked("en5", "en", "The government plans new rules for the plants."),
    };

    public static TheoryData<string> Languages => new() { "de", "en" };

    private static NamedText[] Corpus(string language) => language == "de" ? German : English;

    [Theory]
    [MemberData(nameof(Languages))]
    public void Training_on_a_tiny_corpus_learns_it(string language)
    {
        var texts = Corpus(language);
        var model = NerTraining.Train(language, texts, Small);
        var labels = NerTraining.LabelsFor(language);
        foreach (var seq in TaggerExamples.Build(texts, labels))
        {
            var predicted = NerTraining.Tag(model, seq);
            Assert.True(seq.Labels.SequenceEqual(predicted),
                $"{seq.Source}: {string.Join(' ', seq.Words.Zip(predicted, (w, p) => $"{w}/{labels[p]}"))}");
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void The_same_data_gives_the_same_model(string language)
    {
        var a = NerTraining.Train(language, Corpus(language), Small);
        var b = NerTraining.Train(language, Corpus(language), Small);
        Assert.Equal(ModelFile.Fingerprint(a), ModelFile.Fingerprint(b));
        var other = NerTraining.Train(language, Corpus(language).Take(3).ToList(), Small);
        Assert.NotEqual(ModelFile.Fingerprint(a), ModelFile.Fingerprint(other));
    }

    [Fact]
    public void The_entity_stage_finds_with_the_model_what_rules_alone_miss()
    {
        var model = NerTraining.Train("de", German, Small);
        const string text = "Am Montag kam Korvan Tesselbrink nach Drelsheim.";
        var withModel = NerTraining.PipelineWith(p => p.Code == "de" ? model : null).Run(Hearsay.Input.ArticleReader.FromText(text, new ArticleMetadata { Language = "de" }));
        var without = NerTraining.PipelineWith(_ => null).Run(Hearsay.Input.ArticleReader.FromText(text, new ArticleMetadata { Language = "de" }));

        Entity? Named(Article a, string name) => a.Entities.FirstOrDefault(e => e.Canonical == name);
        Assert.Equal(EntityType.Person, Named(withModel, "Korvan Tesselbrink")?.Type);
        Assert.Equal(EntityType.Place, Named(withModel, "Drelsheim")?.Type);
        Assert.Null(Named(without, "Drelsheim"));
    }

    [Fact]
    public void Gold_names_become_bio_labels_on_hearsays_tokens()
    {
        var text = Marked("x", "de", "Heute sprach [[PER|Korvan Tesselbrink]] in [[LOC|Drelsheim]].");
        var seq = Assert.Single(TaggerExamples.Build(new[] { text }, NerTraining.LabelsFor("de")));
        var labels = NerTraining.LabelsFor("de");
        Assert.Equal(new[] { "Heute", "sprach", "Korvan", "Tesselbrink", "in", "Drelsheim", "." }, seq.Words);
        Assert.Equal(new[] { "O", "O", "B-PER", "I-PER", "O", "B-LOC", "O" }, seq.Labels.Select(x => labels[x]));
    }
}
