using Hearsay.Provenance.Matching;
using Hearsay.Provenance.Model;
using Hearsay.Provenance.Sources;

namespace Hearsay.Tests.Provenance;

/// <summary>What the matcher makes of a claim's words: one term for the same number in any format, for a German
/// word and its English translation, for inflected forms; entities by key; compounds split into known parts.</summary>
public class MatchingTests
{
    private static readonly Analyzer Analyzer = new();

    private static ClaimNormalizer NewNormalizer() => new(new TermTable());

    private static IReadOnlyList<string> Terms(string text, string language)
    {
        var n = NewNormalizer();
        return n.Explain(n.NormalizeText(text, language));
    }

    /// <summary>The terms of the first claim of an analyzed article (entities and quantities from the analysis).</summary>
    private static IReadOnlyList<string> AnalyzedTerms(string text, string language)
    {
        var article = ArticleClaimsExtractor.Extract(Analyzer.AnalyzeText(text, new Document.ArticleMetadata { Language = language }));
        var n = NewNormalizer();
        return n.Explain(n.Normalize(article.Claims[0], language));
    }

    [Theory]
    [InlineData("Es sollen 100.000 Soldaten sein.", "de")]
    [InlineData("Es sollen 100 000 Soldaten sein.", "de")]
    [InlineData("There would be 100,000 soldiers.", "en")]
    [InlineData("There would be 100 000 soldiers.", "en")]
    public void Digits_in_any_grouping_give_one_number_term(string text, string language) =>
        Assert.Contains("n:100000", Terms(text, language));

    [Theory]
    [InlineData("Der Experte sagte, Nordkorea schicke hunderttausend Soldaten.", "de")]
    [InlineData("The expert said North Korea would send one hundred thousand soldiers.", "en")]
    [InlineData("Der Experte sagte, Nordkorea schicke 100.000 Soldaten.", "de")]
    [InlineData("The expert said North Korea would send 100,000 soldiers.", "en")]
    public void Number_words_and_digits_meet_through_the_quantity_layer(string text, string language) =>
        Assert.Contains("n:100000", AnalyzedTerms(text, language));

    [Fact]
    public void German_and_English_words_of_the_lexicon_are_one_concept()
    {
        var de = Terms("Freiwillige Truppen schicken", "de");
        var en = Terms("volunteers troops send", "en");
        Assert.Equal(de.OrderBy(x => x), en.OrderBy(x => x));
        Assert.Contains("c:volunteer", de);
        Assert.Contains("c:soldier", en);
    }

    [Theory]
    [InlineData("Soldat:innen", "de")]
    [InlineData("Soldatinnen", "de")]
    [InlineData("Soldaten", "de")]
    [InlineData("soldiers", "en")]
    [InlineData("troops", "en")]
    public void Inflected_and_gendered_forms_reach_the_same_concept(string word, string language) =>
        Assert.Equal(["c:soldier"], Terms(word, language));

    [Fact]
    public void A_German_compound_is_split_into_the_concepts_of_its_parts()
    {
        var terms = Terms("Staatsfernsehen", "de");
        Assert.Contains("c:country", terms);    // Staat(s)
        Assert.Contains("c:television", terms); // Fernsehen
    }

    [Theory]
    [InlineData("Die Regierung sagte, dass es so sei.", "de")]
    [InlineData("The government said that it was so.", "en")]
    public void Stop_words_and_reporting_verbs_carry_no_terms(string text, string language) =>
        Assert.Equal(["c:government"], Terms(text, language));

    [Theory]
    [InlineData("Nordkorea will nordkoreanische Freiwillige schicken, sagte der Minister.", "de")]
    [InlineData("North Korea will send North Korean volunteers, the minister said.", "en")]
    public void Country_names_and_adjectives_are_one_entity_term_in_both_languages(string text, string language)
    {
        var terms = AnalyzedTerms(text, language);
        Assert.Contains("e:g:KP", terms);
        Assert.DoesNotContain(terms, t => t.Contains("korea", StringComparison.OrdinalIgnoreCase) && !t.StartsWith("e:"));
    }

    [Theory]
    [InlineData("Igor Korotchenko", "Igor Korotschenko")]
    [InlineData("Oleg Smirnov", "Oleg Smirnow")]
    [InlineData("Vladimir Solovyov", "Wladimir Solowjow")]
    public void German_transliterations_of_a_surname_share_its_key(string english, string german) =>
        Assert.Equal(Keys.Surname(english), Keys.Surname(german));

    [Theory]
    [InlineData("Focus Online", "g:focus")]
    [InlineData("FOCUS online", "g:focus")]
    [InlineData("The New York Post", "g:nypost")]
    [InlineData("Frankfurter Rundschau", "g:frankfurter-rundschau")]
    public void Outlet_names_resolve_to_the_media_gazetteer(string name, string key) =>
        Assert.Equal(key, OutletDirectory.Default.Resolve(name).Key);

    [Theory]
    [InlineData("articles/nypost.txt", "New York Post")]
    [InlineData("03-focus-de.txt", "Focus")]
    [InlineData("2023-03-04_frankfurter-rundschau.html", "Frankfurter Rundschau")]
    [InlineData("article-17.txt", null)]
    [InlineData("timeline.txt", null)]
    public void A_file_name_may_name_the_outlet(string path, string? outlet) =>
        Assert.Equal(outlet, OutletDirectory.Default.FromFileName(path));

    [Fact]
    public void An_outlet_is_found_from_its_web_address_when_no_name_is_given() =>
        Assert.Equal("g:frankfurter-rundschau", OutletDirectory.Default.Resolve(null, "https://www.fr.de/politik/x.html").Key);

    [Fact]
    public void An_attribution_phrase_inside_the_claim_is_not_read_as_its_words()
    {
        var terms = AnalyzedTerms("Nach Angaben der Feuerwehr wurden bei dem Brand 14 Arbeiter verletzt.", "de");
        Assert.Contains("n:14", terms);
        Assert.Contains("c:wounded", terms);
        Assert.DoesNotContain(terms, t => t.Contains("angab", StringComparison.Ordinal) || t == "c:firefighter" || t.Contains("feuerwehr", StringComparison.Ordinal));
    }

    [Fact]
    public void A_quantity_qualifier_is_read_as_the_bound_not_as_a_word()
    {
        var terms = AnalyzedTerms("At least 14 workers were injured in the fire, the police said.", "en");
        Assert.Contains("n:14", terms);
        Assert.DoesNotContain("w:least", terms);
    }

    [Theory]
    [InlineData("Polen wird die Grenze nicht schließen.", "de", true)]
    [InlineData("Polen wird keine Soldaten schicken.", "de", true)]
    [InlineData("Polen wird die Grenze schließen.", "de", false)]
    [InlineData("Poland won't close the border.", "en", true)]
    [InlineData("Poland will never close the border.", "en", true)]
    [InlineData("Poland will close the border.", "en", false)]
    public void A_negated_claim_is_marked(string text, string language, bool negated) =>
        Assert.Equal(negated, NewNormalizer().NormalizeText(text, language).Negated);

    [Fact]
    public void The_participle_of_an_ieren_verb_meets_its_infinitive() =>
        Assert.Equal(LightStemmer.German("evakuieren"), LightStemmer.German("evakuiert"));
}
