using Hearsay.Provenance.Matching;
using Hearsay.Provenance.Synthetic;
using Hearsay.Tests.Output;

namespace Hearsay.Tests.Provenance;

/// <summary>The matcher's data files are reviewed data: headed, well-formed, and the lexicon gives every stem one concept.</summary>
public class DataTests
{
    private static string DataFile(string name) => Path.Combine(JsonWalk.RepoRoot(), "src", "Hearsay.Provenance", "Data", name);

    [Theory]
    [InlineData("bilingual-de-en.tsv", 3)]
    [InlineData("matching-stopwords.tsv", 2)]
    [InlineData("negation-words.tsv", 2)]
    [InlineData("opposite-concepts.tsv", 2)]
    public void Data_files_have_a_header_saying_what_and_where_from_and_well_formed_rows(string name, int columns)
    {
        var lines = File.ReadAllLines(DataFile(name));
        var header = string.Join("\n", lines.TakeWhile(l => l.StartsWith('#')));
        Assert.Contains("What:", header);
        Assert.Contains("Source:", header);
        Assert.Contains("Columns", header);
        foreach (var line in lines.Where(l => l.Length > 0 && !l.StartsWith('#')))
            Assert.True(line.Split('\t').Length == columns, $"{name}: '{line}'");
    }

    [Fact]
    public void Every_stem_of_the_bilingual_lexicon_belongs_to_one_concept() =>
        Assert.Empty(MatchingData.Default.Conflicts);

    [Fact]
    public void A_second_concept_is_given_only_to_a_word_listed_under_another_concept() =>
        Assert.Empty(MatchingData.Default.SecondWithoutFirst);

    [Fact]
    public void Opposite_concepts_are_concepts_of_the_lexicon()
    {
        var data = MatchingData.Default;
        Assert.NotEmpty(data.Opposites);
        Assert.All(data.Opposites, p => Assert.True(data.Concepts.Contains(p.A) && data.Concepts.Contains(p.B), $"{p.A} / {p.B}"));
    }

    [Fact]
    public void The_lexicon_covers_a_working_vocabulary() => Assert.True(MatchingData.Default.ConceptCount >= 300);

    [Fact]
    public void No_weights_fitted_on_evaluation_only_data_ship() =>
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(DataFile("x"))!, "*ranker*"));

    [Fact]
    public void The_synthetic_corpus_is_deterministic_and_grows_both_clusters_and_vocabulary()
    {
        var corpus = new ProvenanceCorpusFixture().Corpus;
        var a = new SyntheticCorpus(corpus.Articles).Articles(40).ToList();
        var b = new SyntheticCorpus(corpus.Articles).Articles(40).ToList();
        Assert.Equal(a.SelectMany(x => x.Claims).Select(c => c.Text), b.SelectMany(x => x.Claims).Select(c => c.Text));
        Assert.Equal(corpus.Articles[0].Claims.Select(c => c.Text), a[0].Claims.Select(c => c.Text)); // variant 0 is the base
        Assert.NotEqual(a[0].Claims.Select(c => c.Text), a[8].Claims.Select(c => c.Text));       // later variants are reworded
        Assert.Equal(40, a.Select(x => x.Info.Id).Distinct().Count());
    }
}
