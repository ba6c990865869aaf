using System.Collections.Concurrent;

namespace Hearsay.Languages;

/// <summary>
/// A language's data: the lexicon files under LanguageData/&lt;code&gt;/ plus the shared gazetteers under
/// LanguageData/common/. Stages compile what they need from it once, through <see cref="Compiled{T}"/>.
/// </summary>
public sealed class LanguagePack
{
    private readonly ConcurrentDictionary<string, object> _compiled = new();
    private readonly ConcurrentDictionary<string, WordSet> _sets = new();

    public LanguagePack(string code, bool supported)
    {
        Code = code;
        IsSupported = supported;
    }

    /// <summary>"de", "en", or "xx" for the neutral pack used with other languages.</summary>
    public string Code { get; }
    /// <summary>False for the neutral pack: only language-independent analysis applies.</summary>
    public bool IsSupported { get; }

    /// <summary>Rows of this language's lexicon file, empty when there is none.</summary>
    public IReadOnlyList<string[]> Rows(string name) => LexiconFile.ReadEmbedded(Code, name);

    /// <summary>Rows of a shared (language-independent) data file under LanguageData/common.</summary>
    public static IReadOnlyList<string[]> CommonRows(string name) => LexiconFile.ReadEmbedded("common", name);

    /// <summary>First column of this language's lexicon file as a word set (cached).</summary>
    public WordSet Words(string name) => _sets.GetOrAdd(name, n => new WordSet(Rows(n).Select(r => r[0])));

    /// <summary>A structure compiled once per pack from its data (thread-safe, lazy).</summary>
    public T Compiled<T>(string key, Func<LanguagePack, T> build) where T : class =>
        ((Lazy<T>)_compiled.GetOrAdd(key, _ => new Lazy<T>(() => build(this), LazyThreadSafetyMode.ExecutionAndPublication))).Value;
}

/// <summary>The packs Hearsay ships. Unknown language codes get the neutral pack.</summary>
public sealed class LanguageRegistry
{
    private readonly Dictionary<string, LanguagePack> _packs;
    private readonly LanguagePack _neutral = new("xx", supported: false);

    public LanguageRegistry(IEnumerable<string> codes)
    {
        _packs = codes.ToDictionary(c => c, c => new LanguagePack(c, supported: true), StringComparer.OrdinalIgnoreCase);
    }

    public static LanguageRegistry Default { get; } = new(new[] { "de", "en" });
    public IEnumerable<string> Supported => _packs.Keys;
    public LanguagePack For(string code) => _packs.TryGetValue(code, out var p) ? p : _neutral;
    public LanguagePack Neutral => _neutral;
}
