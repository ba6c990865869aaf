using Hearsay.Document;
using Hearsay.Languages;
using Hearsay.Pipeline;

namespace Hearsay.Entities;

/// <summary>
/// Adds entities and their name mentions: gazetteer names (<see cref="NameMatcher"/>), names found
/// from the text (<see cref="EntityRecognizer"/>), settled into one entity per real-world entity
/// (<see cref="EntityResolver"/>). Descriptions and pronouns are left to coreference.
/// Language data: common/{countries,places,organizations,media,persons,name-connectors,name-particles}.tsv;
/// per language first-names, person-roles, closed-class-words, org-keywords, place-nouns, name-cues,
/// months; German direction-prefixes and noun-endings; English direction-words.
/// </summary>
public sealed class EntityStage : IStage
{
    public string Name => "entities";
    public Layers Needs => Layers.Sentences;
    public Layers Adds => Layers.Entities;

    public void Process(Article article, LanguagePack language)
    {
        if (!language.IsSupported || article.Tokens.Length == 0 || article.Sentences.Length == 0) return;
        using var context = new EntityContext(article, Gazetteer.For(language), EntityLexicon.For(language));
        var names = new List<Candidate>();
        var shorts = new List<Candidate>();
        var parts = new List<Candidate>();
        new NameMatcher(context).Find(names, shorts, parts);
        var found = new List<Candidate>();
        new EntityRecognizer(context, names).Find(found);
        names.AddRange(found);
        new EntityResolver(context).Resolve(names, shorts, parts);
    }
}
