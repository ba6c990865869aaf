using Hearsay.Document;
using Hearsay.Languages;

namespace Hearsay.Pipeline;

/// <summary>One step of the analysis: reads the layers it <see cref="Needs"/>, adds the layers it <see cref="Adds"/>.
/// A stage holds no per-article state, so one instance serves many threads.</summary>
public interface IStage
{
    string Name { get; }
    Layers Needs { get; }
    Layers Adds { get; }
    /// <param name="language">The pack of the article's language, or the neutral pack when the language has none.</param>
    void Process(Article article, LanguagePack language);
}
