using Hearsay.Eval;

namespace Hearsay.Tests.Eval;

public class AlignedScorerTests
{
    private static readonly string[] Roles = { "addressee", "cue", "frame", "speaker" };

    private static AnnotationGroup G(int[] quote, int[]? cue = null, int[]? speaker = null, string? form = "Direct", string? medium = "Speech") =>
        new(quote, new Dictionary<string, int[]>
        {
            ["cue"] = cue ?? Array.Empty<int>(),
            ["speaker"] = speaker ?? Array.Empty<int>(),
            ["frame"] = Array.Empty<int>(),
            ["addressee"] = Array.Empty<int>(),
        }, form, medium);

    [Fact]
    public void Quotes_are_paired_by_overlap_not_by_order()
    {
        var scorer = new AlignedScorer(Roles, labelBonuses: true);
        var gold = new[] { G(new[] { 1, 2, 3 }), G(new[] { 10, 11 }) };
        var sys = new[] { G(new[] { 10, 11 }), G(new[] { 2, 3 }) };
        var pairs = scorer.Align(sys, gold);
        Assert.Contains(pairs, p => p.SysIndex == 0 && p.GoldIndex == 1);
        Assert.Contains(pairs, p => p.SysIndex == 1 && p.GoldIndex == 0);
    }

    [Fact]
    public void Form_bonus_breaks_a_tie_in_overlap()
    {
        var scorer = new AlignedScorer(Roles, labelBonuses: true);
        // Both gold quotes overlap the system quote equally; only the second has the same form.
        var gold = new[] { G(new[] { 1, 2 }, form: "Indirect"), G(new[] { 2, 3 }, form: "Direct") };
        var sys = new[] { G(new[] { 2 }, form: "Direct") };
        var pairs = scorer.Align(sys, gold);
        Assert.Contains(pairs, p => p.SysIndex == 0 && p.GoldIndex == 1);
    }

    [Fact]
    public void Cells_with_a_zero_denominator_are_skipped_in_the_macro_average()
    {
        var scorer = new AlignedScorer(Roles, labelBonuses: true);
        // One pair: quote exact; the system found no speaker (recall cell 0, precision cell skipped);
        // cue right; frame and addressee empty on both sides (both cells skipped).
        scorer.AddDocument(new[] { G(new[] { 5, 6 }, cue: new[] { 4 }) }, new[] { G(new[] { 5, 6 }, cue: new[] { 4 }, speaker: new[] { 3 }) });
        Assert.Equal(1.0, scorer.Trigger.Precision);
        Assert.Equal(1.0, scorer.Trigger.Recall);
        var roles = scorer.Roles;
        Assert.Equal(1, roles.PrecisionCells); // cue only
        Assert.Equal(2, roles.RecallCells);    // cue and speaker
        Assert.Equal(1.0, roles.Precision);
        Assert.Equal(0.5, roles.Recall);
        var joint = scorer.Joint;
        Assert.Equal(2, joint.PrecisionCells);
        Assert.Equal(3, joint.RecallCells);
        Assert.Equal(2.0 / 3, joint.Recall, 10);
    }

    [Fact]
    public void Unpaired_annotations_count_against_precision_or_recall_only()
    {
        var scorer = new AlignedScorer(Roles, labelBonuses: true);
        scorer.AddDocument(
            new[] { G(new[] { 1, 2 }), G(new[] { 20, 21 }) },   // the second is spurious
            new[] { G(new[] { 1, 2 }) });
        // Quote cells: the pair (P 1, R 1) and the spurious one (P 0, R skipped).
        Assert.Equal(0.5, scorer.Trigger.Precision);
        Assert.Equal(1.0, scorer.Trigger.Recall);
        // Form: one TP for the pair, one FP for the unpaired system annotation.
        Assert.Equal(new Prf(1, 1, 0), scorer.Form);
    }

    [Fact]
    public void A_correct_speaker_on_a_wrongly_aligned_quote_earns_nothing()
    {
        var scorer = new AlignedScorer(Roles, labelBonuses: true);
        scorer.AddDocument(new[] { G(new[] { 30, 31 }, speaker: new[] { 3 }) }, new[] { G(new[] { 5, 6 }, speaker: new[] { 3 }) });
        // Zero-overlap pair: the speaker cell still compares the two annotations' speakers.
        Assert.Equal(0.0, scorer.Trigger.F1);
        Assert.Equal(1.0, scorer.Role("speaker").Precision);
    }

    [Fact]
    public void Different_labels_count_one_false_positive_and_one_false_negative()
    {
        var scorer = new AlignedScorer(Roles, labelBonuses: true);
        scorer.AddDocument(new[] { G(new[] { 1 }, form: "Indirect", medium: "Writing") }, new[] { G(new[] { 1 }, form: "Direct", medium: "Writing") });
        Assert.Equal(new Prf(0, 1, 1), scorer.Form);
        Assert.Equal(new Prf(1, 0, 0), scorer.Medium);
    }

    [Fact]
    public void Overlap_f1_is_token_f1()
    {
        Assert.Equal(0.5, AlignedScorer.OverlapF1(new[] { 1, 2 }, new[] { 1, 3 }), 10);
        Assert.Equal(2.0 / 3, AlignedScorer.OverlapF1(new[] { 1, 2, 3, 4 }, new[] { 3, 4 }), 10);
        Assert.Equal(0, AlignedScorer.OverlapF1(new[] { 1 }, Array.Empty<int>()));
    }
}
