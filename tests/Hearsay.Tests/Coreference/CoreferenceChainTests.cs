using Hearsay.Document;
using static Hearsay.Tests.TestArticles;

namespace Hearsay.Tests.Coreference;

/// <summary>The coreference layer: markables and their chains, one phenomenon per test.</summary>
public class CoreferenceChainTests
{
    private static Markable MarkableOf(Article a, string text, int occurrence = 0)
    {
        int at = -1;
        for (int i = 0; i <= occurrence; i++) at = a.Text.IndexOf(text, at + 1, StringComparison.Ordinal);
        Assert.True(at >= 0, $"«{text}» not in the text");
        var m = a.Markables.FirstOrDefault(x => x.Span.Start == at && x.Span.Length == text.Length);
        Assert.True(m is not null, $"no markable «{text}»; markables: {string.Join(" | ", a.Markables.Select(x => a.StringOf(x.Span)))}");
        return m!;
    }

    private static bool SameChain(Article a, string x, string y, int yOccurrence = 0) =>
        MarkableOf(a, x).Chain == MarkableOf(a, y, yOccurrence).Chain;

    [Fact]
    public void English_pronoun_continues_the_subject_of_the_previous_sentence()
    {
        var a = En("Peter Hall hired Paul Grant in 2010. He later became the director of the museum.");
        Assert.True(SameChain(a, "Peter Hall", "He"));
        Assert.False(SameChain(a, "Paul Grant", "He"));
    }

    [Fact]
    public void Feminine_and_masculine_pronouns_take_the_person_of_their_gender()
    {
        var a = En("Mary Jones met Tom Brown in Boston on Monday. He thanked her for the invitation.");
        Assert.True(SameChain(a, "Tom Brown", "He"));
        Assert.True(SameChain(a, "Mary Jones", "her"));
    }

    [Fact]
    public void Role_noun_in_apposition_joins_the_name()
    {
        var a = En("The museum hired Nick Bos, the biologist, in May. Visitors liked the exhibition.");
        Assert.True(SameChain(a, "Nick Bos", "the biologist"));
    }

    [Fact]
    public void Definite_description_joins_the_person_seen_with_that_role()
    {
        var a = De("Der russische Verteidigungsexperte Igor Korotchenko sprach am Montag in Moskau. Der Experte hält die Berichte für falsch.");
        Assert.True(SameChain(a, "Igor Korotchenko", "Der Experte"));
    }

    [Fact]
    public void German_er_joins_the_expert()
    {
        var a = De("Der russische Verteidigungsexperte Igor Korotchenko sprach am Montag in Moskau. Er verwies auf Satellitenbilder.");
        Assert.True(SameChain(a, "Igor Korotchenko", "Er"));
    }

    [Fact]
    public void First_person_in_a_quotation_is_its_speaker()
    {
        var a = En("\"I was wrong about the budget,\" John Smith said on Tuesday.");
        Assert.True(SameChain(a, "John Smith", "I"));
    }

    [Fact]
    public void It_does_not_take_a_person()
    {
        var a = En("John Smith visited the factory on Monday. It was closed.");
        Assert.False(SameChain(a, "John Smith", "It"));
    }

    [Fact]
    public void English_possessive_is_not_part_of_the_name_markable()
    {
        var a = En("Jane Miller's plan failed. On Friday, Miller resigned.");
        Assert.True(SameChain(a, "Jane Miller", "Miller", 1));
    }

    [Fact]
    public void Learned_detector_marks_a_common_noun_phrase_of_any_kind()
    {
        var a = En("The storm destroyed the old bridge near the village on Monday.");
        var m = MarkableOf(a, "The storm");
        Assert.True(m.Learned);
        Assert.Equal(Animacy.Thing, m.Animacy);
    }

    [Fact]
    public void Pronoun_is_not_part_of_its_own_antecedent()
    {
        var a = En("The council changed its plans on Monday.");
        var plans = a.Markables.FirstOrDefault(x => a.StringOf(x.Span) == "its plans");
        if (plans is not null) Assert.NotEqual(plans.Chain, MarkableOf(a, "its").Chain);
        Assert.True(SameChain(a, "The council", "its"));
    }

    [Fact]
    public void German_has_no_learned_mention_model()
    {
        Assert.Null(Hearsay.Coreference.MentionTagger.For(Hearsay.Languages.LanguageRegistry.Default.For("de")));
        Assert.NotNull(Hearsay.Coreference.MentionTagger.For(Hearsay.Languages.LanguageRegistry.Default.For("en")));
    }
}
