using Hearsay.Attributions;
using Hearsay.Document;
using Hearsay.Entities;
using Hearsay.Eval;
using Hearsay.Eval.Ner;
using Hearsay.Languages;

namespace Hearsay.Tests.Entities;

/// <summary>Names inside compound words (modifiers), names of other things (works, events, products) and how
/// the rest of the pipeline and the NER mapping treat them.</summary>
public class NameFormTests
{
    [Fact]
    public void A_known_acronym_leading_a_compound_is_a_modifier_of_its_entity()
    {
        var f = EntityFixture.German("Vor dem Nato-Treffen in Riga sprachen die Minister lange.");
        var m = f.Mention("Nato");
        Assert.Equal(MentionKind.Modifier, m.Kind);
        Assert.Equal("nato", f.EntityOf(m).GazetteerId);
    }

    [Fact]
    public void A_lower_case_head_keeps_the_compound_a_modifier()
    {
        var f = EntityFixture.German("Die Regel gilt künftig EU-weit für alle Händler.");
        Assert.Equal(MentionKind.Modifier, f.Mention("EU").Kind);
    }

    [Fact]
    public void A_compound_with_a_geographic_head_still_names_the_place()
    {
        var f = EntityFixture.German("Die Kämpfe in der Donbass-Region hielten an.");
        Assert.Equal(MentionKind.Name, f.Mention("Donbass-Region").Kind);
    }

    [Fact]
    public void Aliases_that_differ_only_in_case_both_match()
    {
        var f = EntityFixture.German("Die Fifa widersprach, die FIFA-Spitze schwieg.");
        Assert.Equal("fifa", f.EntityOf("Fifa").GazetteerId);
        Assert.Equal("fifa", f.EntityOf("FIFA").GazetteerId);
    }

    [Fact]
    public void A_spokesman_named_by_a_compound_is_not_the_organization()
    {
        var f = EntityFixture.German("Ein Nato-Sprecher sagte am Abend, die Lage sei ruhig.");
        var att = Assert.Single(f.Article.Attributions);
        var nato = f.EntityOf("Nato");
        Assert.NotEqual(nato.Id, att.Source.EntityId);
        Assert.NotEqual(SourceKind.Organization, att.Source.Kind);
    }

    [Fact]
    public void Rule_stages_see_no_modifier_and_no_other_name()
    {
        var a = new Analyzer().AnalyzeText("Der Film Sonnenwende lief gestern, sagte Anna Berg.", new ArticleMetadata { Language = "de" });
        int film = AddOther(a, "Sonnenwende");
        var pack = LanguageRegistry.Default.For("de");
        var view = new TokenView(a, AttributionLexicon.For(pack));
        Assert.Equal(-1, view.MentionAt[film]);
        Assert.Equal(-1, view.MentionIn(film, film + 1));
    }

    /// <summary>Makes the token with this text the name of an <see cref="EntityType.Other"/> entity (as the German tagger's
    /// OTH would); returns the token.</summary>
    private static int AddOther(Article a, string word)
    {
        int token = a.Tokens.ToList().FindIndex(t => a.StringOf(t.Span) == word);
        var other = new Entity { Id = a.Entities.Count, Type = EntityType.Other, Canonical = word };
        a.Entities.Add(other);
        a.Mentions.Add(new Mention { Span = a.Tokens[token].Span, Kind = MentionKind.Name, EntityId = other.Id });
        other.Mentions.Add(a.Mentions.Count - 1);
        return token;
    }

    [Theory]
    [InlineData("PER", EntityType.Person, MentionKind.Name)]
    [InlineData("OTH", EntityType.Other, MentionKind.Name)]
    [InlineData("LOCderiv", EntityType.Place, MentionKind.Adjective)]
    [InlineData("ORGpart", EntityType.Organization, MentionKind.Modifier)]
    public void Tagger_types_stand_for_an_entity_type_and_a_mention_kind(string tag, EntityType type, MentionKind kind) =>
        Assert.Equal((type, kind), TaggedNames.Meaning(tag));

    [Fact]
    public void The_mapping_gives_part_and_other_only_to_a_corpus_that_has_them()
    {
        const string text = "Im Nato-Haus las Ina Sonnenwende.";
        var a = new Analyzer().AnalyzeText(text, new ArticleMetadata { Language = "de" });
        var tokens = a.Tokens.Select(t => t.Span).ToList();
        var grid = new TokenGrid(tokens.Select(t => t.Start).ToArray(), tokens.Select(t => t.End).ToArray());
        int book = AddOther(a, "Sonnenwende");
        var all = NerMapping.Spans(a, grid, allClasses: true);
        Assert.Contains(new EntitySpan(1, 1, "ORGpart"), all);
        Assert.Contains(new EntitySpan(book, book, "OTH"), all);
        var names = NerMapping.Spans(a, grid, allClasses: false);
        Assert.DoesNotContain(names, s => s.Type.EndsWith("part", StringComparison.Ordinal) || s.Type == "OTH");
    }
}
