using Hearsay.Document;
using Hearsay.Eval;
using Hearsay.Eval.Ner;
using Hearsay.Eval.PolNeAR;

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

    [Fact]
    public void Token_overlap_counts_shared_tokens_once_per_role()
    {
        // Tokens: Smith(0-5) said(6-10) the(11-14) plan(15-19) is(20-22) dead(23-27) ,(27) she(29-32) added(33-38) .(38)
        var tokens = new[] { (0, 5), (6, 10), (11, 14), (15, 19), (20, 22), (23, 27), (27, 28), (29, 32), (33, 38), (38, 39) }
            .Select(t => TextSpan.FromBounds(t.Item1, t.Item2)).ToArray();
        var gold = new[] { F(Text, (11, 27)) };                       // the plan is dead: 4 tokens
        var sys = new[] { F(Text, (15, 28)), F(Text, (20, 27)) };     // plan is dead , / is dead (shared tokens count once)
        var prf = SpanCounts.TokenOverlap(tokens, gold, sys);
        Assert.Equal(new Prf(3, 1, 1), prf);
        Assert.Equal(0.75, prf.Precision, 10);
        Assert.Equal(0.75, prf.Recall, 10);
        // a span that merely touches a token's edge does not cover it
        Assert.Equal(new Prf(0, 0, 1), SpanCounts.TokenOverlap(tokens, new[] { F(Text, (0, 5)) }, new[] { F(Text, (5, 6)) }));
    }

    [Fact]
    public void A_relation_matches_exactly_only_when_cue_source_and_content_all_match()
    {
        FragmentSpan S(int a, int b) => F(Text, (a, b));
        var gold = new[] { new BratRelation("Attribution", S(0, 5), S(6, 10), S(11, 27)), new BratRelation("Attribution", S(29, 32), S(33, 38), S(11, 27)) };
        var sys = new[] { new BratRelation("Attribution", S(0, 5), S(6, 10), S(11, 27)), new BratRelation("Attribution", null, S(33, 38), S(11, 27)) };
        var c = Hearsay.Eval.PolNeAR.PolnearDataset.RelationsExact(gold, sys);
        Assert.Equal((1, 2, 1, 2), (c.SysMatched, c.SysTotal, c.GoldMatched, c.GoldTotal));
    }
}
