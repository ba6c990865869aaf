using Hearsay.Document;
using Hearsay.Eval;
using Hearsay.Eval.Ner;

namespace Hearsay.Tests.Eval;

public class SpanScoringTests
{
    private static FragmentSpan F(string text, params (int S, int E)[] parts) =>
        new(parts.Select(p => TextSpan.FromBounds(p.S, p.E)), text);

    private const string Text = "Smith said the plan is dead, she added.";

    [Fact]
    public void Fragments_split_only_by_whitespace_are_one_span()
    {
        Assert.Equal(F(Text, (11, 27)), F(Text, (11, 19), (20, 27)));
        Assert.NotEqual(F(Text, (11, 27)), F(Text, (11, 19), (23, 27)));
    }

    [Fact]
    public void Exact_match_needs_identical_boundaries_overlap_needs_one_shared_character()
    {
        var gold = new[] { F(Text, (11, 27)), F(Text, (0, 5)) };
        var sys = new[] { F(Text, (15, 27)), F(Text, (0, 5)), F(Text, (29, 32)) };
        var exact = SpanCounts.Exact(gold, sys);
        Assert.Equal((1, 3, 1, 2), (exact.SysMatched, exact.SysTotal, exact.GoldMatched, exact.GoldTotal));
        var overlap = SpanCounts.Overlap(gold, sys);
        Assert.Equal((2, 3, 2, 2), (overlap.SysMatched, overlap.SysTotal, overlap.GoldMatched, overlap.GoldTotal));
        Assert.Equal(2.0 / 3, overlap.Precision, 10);
        Assert.Equal(1.0, overlap.Recall);
    }

    [Fact]
    public void A_possessive_the_corpus_splits_off_is_not_part_of_the_name()
    {
        // Corpus tokens: Italy 's leader met Germany .
        var tokens = new[] { "Italy", "'s", "leader", "met", "Germany", "." };
        var grid = new TokenGrid(new[] { 0, 5, 8, 15, 19, 26 }, new[] { 5, 7, 14, 18, 26, 27 });
        var article = new Analyzer().AnalyzeText("Italy's leader met Germany.", new ArticleMetadata { Language = "en" });
        Assert.Contains(article.Mentions, m => article.StringOf(m.Span) == "Italy's");   // Hearsay keeps the clitic on its token
        var spans = NerMapping.Spans(article, grid, allClasses: false);
        Assert.Equal(new[] { new EntitySpan(0, 0, "LOC"), new EntitySpan(4, 4, "LOC") }, spans);
        Assert.Equal("Italy", tokens[spans[0].First]);
    }

    [Fact]
    public void Iob2_decodes_to_typed_spans()
    {
        var tags = new[] { "B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-LOC", "O" };
        Assert.Equal(new[] { new EntitySpan(0, 1, "PER"), new EntitySpan(3, 3, "LOC"), new EntitySpan(4, 5, "LOC") }, Iob.Decode(tags));
    }

    [Fact]
    public void A_stray_inside_tag_starts_a_span_and_a_type_change_ends_one()
    {
        var tags = new[] { "O", "I-ORG", "I-ORG", "I-PER", "B-PERderiv" };
        Assert.Equal(new[] { new EntitySpan(1, 2, "ORG"), new EntitySpan(3, 3, "PER"), new EntitySpan(4, 4, "PERderiv") }, Iob.Decode(tags));
    }

    [Fact]
    public void Encode_round_trips_through_decode()
    {
        var spans = new[] { new EntitySpan(0, 1, "PER"), new EntitySpan(2, 2, "PER"), new EntitySpan(5, 6, "ORG") };
        Assert.Equal(spans, Iob.Decode(Iob.Encode(8, spans)));
    }

    [Fact]
    public void Strict_span_f1_counts_a_boundary_error_as_one_false_positive_and_one_false_negative()
    {
        var f = new SpanF1();
        f.Add(new[] { new EntitySpan(0, 1, "PER"), new EntitySpan(3, 3, "LOC") },
              new[] { new EntitySpan(1, 1, "PER"), new EntitySpan(3, 3, "LOC") });
        Assert.Equal(new Prf(1, 1, 1), f.All);
        Assert.Equal(new Prf(0, 1, 1), f.Of("PER"));
        Assert.Equal(new Prf(1, 0, 0), f.Of("LOC"));
    }

    [Fact]
    public void Token_sets_compare_as_sets()
    {
        Assert.Equal(new Prf(2, 1, 1), Prf.OfSets(new[] { 1, 2, 3 }, new[] { 2, 3, 4 }));
        Assert.Equal(new[] { 1, 2, 5 }, AnnotationGroup.Normalize(new[] { 5, 1, 2, 1 }));
    }
}
