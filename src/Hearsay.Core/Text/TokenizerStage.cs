using Hearsay.Document;
using Hearsay.Languages;
using Hearsay.Pipeline;

namespace Hearsay.Text;

/// <summary>Adds tokens. Language data: abbreviations.tsv (entries end with their period).</summary>
public sealed class TokenizerStage : IStage
{
    public string Name => "tokenizer";
    public Layers Needs => Layers.Language;
    public Layers Adds => Layers.Tokens;

    public void Process(Article article, LanguagePack language)
    {
        var abbreviations = language.IsSupported ? language.Words("abbreviations") : WordSet.Empty;
        article.Tokens = Tokenizer.Tokenize(article.Text, abbreviations);
    }
}
