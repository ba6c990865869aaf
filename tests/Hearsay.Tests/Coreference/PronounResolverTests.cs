using Hearsay.Coreference;
using Hearsay.Document;
using static Hearsay.Tests.TestArticles;

namespace Hearsay.Tests.Coreference;

public class PronounResolverTests
{
    private static string? Resolve(Article a, string pronoun, int occurrence = 0)
    {
        int at = -1;
        for (int i = 0; i <= occurrence; i++) at = a.Text.IndexOf(pronoun, at + 1, StringComparison.Ordinal);
        Assert.True(at >= 0, $"«{pronoun}» not in the text");
        return PronounResolver.Resolve(a, new TextSpan(at, pronoun.Length)) is { } r ? a.StringOf(r.Span) : null;
    }

    [Fact]
    public void English_pronoun_takes_the_gender_compatible_person_from_a_given_name()
    {
        var a = En("Mary Jones met Tom Brown in Boston. She asked him for money.");
        Assert.Equal("Mary Jones", Resolve(a, "She"));
        Assert.Equal("Tom Brown", Resolve(a, "him"));
    }

    [Fact]
    public void English_title_tells_the_gender_of_an_unknown_name()
    {
        var a = En("Mrs Okonkwo and Mr Adebayo arrived late. He apologized.");
        Assert.Equal("Adebayo", Resolve(a, "He"));
    }

    [Fact]
    public void English_subject_of_the_previous_sentence_is_preferred()
    {
        var a = En("Peter Hall hired Paul Grant in 2010. He later became the director.");
        Assert.Equal("Peter Hall", Resolve(a, "He"));
    }

    [Fact]
    public void English_pronoun_before_any_person_has_no_antecedent()
    {
        var a = En("He was late. The meeting started anyway.");
        Assert.Null(Resolve(a, "He"));
    }

    [Fact]
    public void German_pronoun_agrees_in_gender_with_the_given_name()
    {
        var a = De("Anna Berger traf Thomas Keller in Wien. Er sagte, die Pläne seien fertig.");
        Assert.Equal("Thomas Keller", Resolve(a, "Er"));
    }

    [Fact]
    public void German_capitalized_nouns_are_not_taken_for_names()
    {
        var a = De("Die Regierung lobte Frau Yilmaz. Sie habe die Reform vorangebracht.");
        Assert.Equal("Yilmaz", Resolve(a, "Sie"));
    }
}
