using Hearsay.Document;
using Hearsay.Languages;
using Hearsay.Pipeline;

namespace Hearsay.Text;

/// <summary>Sets the article's language: the caller's, if given, else detected. Warns when Hearsay has no pack for it.</summary>
public sealed class LanguageDetectionStage : IStage
{
    public string Name => "language";
    public Layers Needs => Layers.Text;
    public Layers Adds => Layers.Language;

    public void Process(Article article, LanguagePack language)
    {
        if (!string.IsNullOrEmpty(article.Metadata.Language))
        {
            article.Language = article.Metadata.Language!.ToLowerInvariant();
            article.LanguageConfidence = 1;
        }
        else
        {
            var (code, confidence) = LanguageDetector.Default.Detect(article.Text);
            article.Language = code;
            article.LanguageConfidence = confidence;
        }
        if (!LanguageRegistry.Default.Supported.Contains(article.Language))
            article.Diagnostics.Add(new Diagnostic(Severity.Warning, "language.unsupported",
                article.Language == "und"
                    ? "The language could not be determined; only language-independent analysis (structure, tokens, quotations, numbers) was done."
                    : $"Language '{article.Language}' has no Hearsay language pack; only language-independent analysis (structure, tokens, quotations, numbers) was done."));
    }
}
