using Hearsay.Document;
using Hearsay.Languages;
using Hearsay.Pipeline;

namespace Hearsay.Quantities;

/// <summary>
/// Adds quantities: counts with what they count ("fast 1,3 Millionen aktive Soldat:innen"), money,
/// percentages, measures, durations ("seit mehr als fünf Monaten"), dates ("April 2019") and ranks
/// ("viertgrößte"), each with its normalized value, range, qualifier, approximation and bound.
/// Language data: number-words, ordinal-words, quantity-qualifiers, units, quantity-context,
/// counted-stops, months. Articles in languages without a pack are read with the English data.
/// </summary>
public sealed class QuantityStage : IStage
{
    public string Name => "quantities";
    public Layers Needs => Layers.Sentences;
    public Layers Adds => Layers.Quantities;

    public void Process(Article article, LanguagePack language)
    {
        article.Quantities.Clear();
        if (article.Tokens.Length == 0) return;
        var lexicon = language.IsSupported ? QuantityLexicon.For(language) : QuantityLexicon.For("en");
        new QuantityRecognizer(lexicon).Recognize(article);
    }
}
