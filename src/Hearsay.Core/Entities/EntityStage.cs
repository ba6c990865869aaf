using Hearsay.Document;
using Hearsay.Languages;
using Hearsay.Learning;
using Hearsay.Pipeline;

namespace Hearsay.Entities;

/// <summary>
/// Adds entities and their name mentions: gazetteer names (<see cref="NameMatcher"/>), names found
/// from the text by rules (<see cref="EntityRecognizer"/>) and by a learned tagger that sees both
/// (<see cref="NameTagger"/>, joined in by <see cref="TaggedNames"/>), settled into one entity per
/// real-world entity (<see cref="EntityResolver"/>). Descriptions and pronouns are left to coreference.
/// Language data: common/{countries,places,organizations,media,persons,name-connectors,name-particles,surnames,place-names}.tsv;
/// per language first-names, person-roles, closed-class-words, org-keywords, place-nouns, name-cues,
/// months; German direction-prefixes and noun-endings; English direction-words; the tagger's models
/// under Models/ (see <see cref="NameModels"/>).
/// </summary>
public sealed class EntityStage : IStage
{
    private readonly Func<LanguagePack, SequenceModel?> _models;
    private readonly TaggerPolicy? _policy;

    /// <summary>The stage with the shipped name-tagger models.</summary>
    public EntityStage() : this(NameModels.For) { }

    /// <param name="models">The name tagger's model for a language, or null for rules and gazetteer alone
    /// (training and evaluating new models use this).</param>
    /// <param name="policy">How the tagger's spans join the others (default: <see cref="TaggerPolicy.For"/> the language).</param>
    public EntityStage(Func<LanguagePack, SequenceModel?> models, TaggerPolicy? policy = null)
    {
        _models = models;
        _policy = policy;
    }

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
        var recognizer = new EntityRecognizer(context, names);
        recognizer.Find(found);
        if (_models(language) is { } model)
        {
            var tagged = new List<TaggedName>();
            var policy = _policy ?? TaggerPolicy.For(language.Code);
            new NameTagger(context, model, new NameFeatures(context, names, shorts, parts, found), policy.OutsideBias, margins: policy.MinMargin > 0).Tag(tagged);
            TaggedNames.Join(context, recognizer, tagged, names, parts, found, policy);
        }
        names.AddRange(found);
        OrgAppositives.Retype(context, names);
        new EntityResolver(context).Resolve(names, shorts, parts);
    }

    /// <summary>For training the tagger: the features of every sentence of an article (tokens and
    /// sentences done), exactly as the stage computes them, <see cref="NameFeatures.PerToken"/> per token,
    /// and which tokens the tagger scores (the others are "O").</summary>
    internal static List<(Sentence Sentence, uint[] Features, bool[] Scored)> TaggerFeatures(Article article, LanguagePack language)
    {
        var result = new List<(Sentence, uint[], bool[])>();
        if (!language.IsSupported || article.Tokens.Length == 0) return result;
        using var context = new EntityContext(article, Gazetteer.For(language), EntityLexicon.For(language));
        var names = new List<Candidate>();
        var shorts = new List<Candidate>();
        var parts = new List<Candidate>();
        new NameMatcher(context).Find(names, shorts, parts);
        var found = new List<Candidate>();
        new EntityRecognizer(context, names).Find(found);
        var features = new NameFeatures(context, names, shorts, parts, found);
        foreach (var sent in article.Sentences)
        {
            var f = new uint[sent.TokenCount * NameFeatures.PerToken];
            features.Extract(sent, f);
            var scored = new bool[sent.TokenCount];
            for (int i = 0; i < scored.Length; i++) scored[i] = features.Scored(sent.FirstToken + i, sent);
            result.Add((sent, f, scored));
        }
        return result;
    }
}
