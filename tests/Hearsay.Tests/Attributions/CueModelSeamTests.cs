using Hearsay.Attributions;
using Hearsay.Document;
using Hearsay.Languages;
using Hearsay.Learning;
using static Hearsay.Tests.TestArticles;

namespace Hearsay.Tests.Attributions;

/// <summary>The learned cue model's seam in the attribution stage (<c>TokenView.Verb</c>): it can veto lexicon
/// verbs and add words outside the lexicon, by the thresholds in the model's header; the rules stay the same.</summary>
public class CueModelSeamTests
{
    private static readonly AttributionLexicon German = AttributionLexicon.For(LanguageRegistry.Default.For("de"));

    /// <summary>A model that gives every token the same score (only the bias bucket is set) and knows
    /// <paramref name="cueWords"/> as cues of its training data.</summary>
    private static CueModel Constant(float score, string thresholds, params string[] cueWords)
    {
        var m = new CueModel(new float[1 << 12], "model: constant\n" + thresholds);
        var a = De("Test.");
        Span<uint> f = stackalloc uint[CueFeatures.MaxFeatures];
        new CueFeatures(a, German).Extract(0, f);
        var w = new float[1 << 12];
        w[f[0] & ((1 << 12) - 1)] = score; // the first feature is the bias
        return new CueModel(w, m.Header, cueStems: cueWords.Select(x => CueFeatures.StemKey(x)));
    }

    private static Article Run(string text, CueModel? model)
    {
        var a = De(text);
        a.Attributions.Clear();
        new AttributionFinder(a, German.WithCueModel(model)).Run();
        return a;
    }

    [Fact]
    public void Without_a_model_the_lexicon_alone_decides()
    {
        var a = Run("Die Grünen begrüßen, dass die Regeln erweitert wurden.", null);
        Assert.Empty(a.Attributions);
        var b = Run("Die Ministerin sagte, dass die Regeln erweitert wurden.", null);
        Assert.Equal("sagte", b.CueText(b.AttributionWith("die Regeln erweitert wurden")));
    }

    [Fact]
    public void A_model_scoring_a_lexicon_verb_below_the_veto_threshold_removes_the_cue()
    {
        var veto = Constant(-5, "veto-below: -1");
        Assert.Empty(Run("Die Ministerin sagte, dass die Regeln erweitert wurden.", veto).Attributions);
        var keep = Constant(-0.5f, "veto-below: -1");
        Assert.Single(Run("Die Ministerin sagte, dass die Regeln erweitert wurden.", keep).Attributions);
    }

    [Fact]
    public void A_model_scoring_a_word_above_the_add_threshold_makes_it_a_cue_candidate_for_the_rules()
    {
        var add = Constant(5, "add-above: 2", "begrüßen");
        var a = Run("Die Grünen begrüßen, dass die Regeln erweitert wurden.", add);
        var x = a.AttributionWith("die Regeln erweitert wurden");
        Assert.Equal("begrüßen", a.CueText(x));
        Assert.Equal("Die Grünen", a.SourceText(x));
        // The rules still need their frame: without a reported clause the sentence is at most a summary of a
        // speech act (kind reported), never a quotation or reported clause.
        Assert.All(Run("Die Grünen begrüßen den Kompromiss.", add).Attributions, x => Assert.Equal(AttributionKind.Reported, x.Kind));
        // Below the threshold nothing is added.
        Assert.Empty(Run("Die Grünen begrüßen, dass die Regeln erweitert wurden.", Constant(1, "add-above: 2", "begrüßen")).Attributions);
    }

    [Fact]
    public void Only_words_whose_stem_the_training_data_knows_as_a_cue_are_added()
    {
        var add = Constant(5, "add-above: 2", "begrüßen");
        Assert.Empty(Run("Die Grünen bedauern, dass die Regeln erweitert wurden.", add).Attributions);
        var knows = Constant(5, "add-above: 2", "begrüßen", "bedauern");
        Assert.Single(Run("Die Grünen bedauern, dass die Regeln erweitert wurden.", knows).Attributions);
    }

    [Fact]
    public void Participles_are_not_added()
    {
        // In news, participles of such verbs are mostly passives of non-speech uses ("wurden gezeigt").
        var add = Constant(5, "add-above: 2", "begrüßt", "gezeigt");
        Assert.Empty(Run("Die Grünen haben begrüßt, dass die Regeln erweitert wurden.", add).Attributions);
    }

    [Fact]
    public void Added_candidates_are_lower_case_content_words_only()
    {
        var add = Constant(5, "add-above: 2", "Forderung", "der", "ist");
        // Capitalized nouns and function words never become verbs, whatever the score.
        var a = Run("Die Forderung der Grünen ist, dass die Regeln erweitert werden.", add);
        Assert.DoesNotContain(a.Attributions, x => a.StringOf(x.Cue) is "Forderung" or "der" or "ist");
    }

    [Fact]
    public void With_the_shipped_model_a_parliamentary_cue_outside_the_lexicon_is_found()
    {
        var a = De("Die Grünen begrüßen, dass die Regeln für die Notbetreuung erweitert wurden.");
        var x = a.AttributionWith("die Regeln für die Notbetreuung erweitert wurden");
        Assert.Equal("begrüßen", a.CueText(x));
    }

    [Fact]
    public void English_attribution_is_untouched_by_the_German_model()
    {
        const string text = "The senator welcomed the decision, saying that the rules were extended. Officials said the plan would work.";
        var english = AttributionLexicon.For(LanguageRegistry.Default.For("en"));
        Assert.Null(english.CueModel);
        var a = En(text);
        var b = En(text);
        b.Attributions.Clear();
        new AttributionFinder(b, english.WithCueModel(null)).Run();
        Assert.Equal(Describe(a), Describe(b));
        Assert.NotEmpty(a.Attributions);
    }
}
