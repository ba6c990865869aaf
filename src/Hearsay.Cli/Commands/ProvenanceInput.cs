using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Hearsay.Provenance.Graph;
using Hearsay.Provenance.Matching;
using Hearsay.Provenance.Sources;

namespace Hearsay.Cli.Commands;

/// <summary>
/// What <c>hearsay claims</c>, <c>trace</c> and <c>export</c> share: where the articles come from (<c>--from</c>
/// files and folders, or <c>--store</c>), how claims are linked (<c>--threshold</c>) and which clusters count
/// (<c>--min-articles</c>). Loading reads the articles, links their claims and builds the provenance graph.
/// </summary>
public sealed class ProvenanceInput
{
    /// <summary>Opens a store as a claim source. The embedded store wires this when it is built in; until then
    /// <c>--store</c> explains that it is not available.</summary>
    public static Func<string, IClaimSource>? OpenStore { get; set; } = path => new StoreClaimSource(path);

    public Option<string[]> From { get; } = new("--from")
    {
        HelpName = "PATH",
        Description = "Articles to read: files or folders of *.txt, *.md, *.html (analyzed here; plain text may open with front matter giving outlet, published, url, language), *.json or *.jsonl (hearsay.article/1 output, or records with \"text\" and optional \"outlet\", \"published\", \"url\", \"title\", \"language\"). Repeatable; read in the order given.",
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<string?> Store { get; } = new("--store") { HelpName = "FILE", Description = "Read the articles from a Hearsay store instead of --from." };

    public Option<int> MinArticles { get; } = new("--min-articles")
    {
        HelpName = "N",
        Description = "Only claims that appear in at least N articles (1 shows every claim).",
        DefaultValueFactory = _ => 2,
    };

    public Option<double?> Threshold { get; } = new("--threshold")
    {
        HelpName = "X",
        Description = $"Least similarity (0-1) for two claims to be linked as one (default {new LinkerOptions().Threshold.ToString(CultureInfo.InvariantCulture)}).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(From);
        command.Options.Add(Store);
        command.Options.Add(MinArticles);
        command.Options.Add(Threshold);
        MinArticles.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--min-articles must be at least 1."); });
        Threshold.Validators.Add(r => { if (r.GetValueOrDefault<double?>() is { } t && (t <= 0 || t > 1)) r.AddError("--threshold must be in (0, 1]."); });
    }

    /// <summary>The articles read, linked and built into a graph; or an exit code after a message on stderr.</summary>
    public sealed record Loaded(ClaimLinker Linker, ProvenanceGraph Graph, int Problems);

    public (Loaded? Result, int ExitCode) Load(ParseResult parse, CliContext context, string command, bool verbose)
    {
        var err = context.Err;
        var paths = (parse.GetValue(From) ?? Array.Empty<string>()).ToList();
        var store = parse.GetValue(Store);
        IClaimSource source;
        if (store is not null)
        {
            if (paths.Count > 0)
            {
                err.WriteLine($"hearsay {command}: give --from or --store, not both.");
                return (null, ExitCodes.Usage);
            }
            if (OpenStore is null)
            {
                err.WriteLine($"hearsay {command}: --store is not available in this build (the embedded store is not part of it yet); read the articles with --from instead (a folder of articles, or the JSON Lines of 'hearsay analyze --format jsonl').");
                return (null, ExitCodes.Usage);
            }
            source = OpenStore(Path.GetFullPath(store, context.CurrentDirectory));
        }
        else
        {
            if (paths.Count == 0)
            {
                err.WriteLine($"hearsay {command}: no articles: give --from PATH (files or folders), or --store FILE.");
                return (null, ExitCodes.Usage);
            }
            var full = paths.Select(p => Path.GetFullPath(p, context.CurrentDirectory)).ToList();
            var (_, missing) = PathClaimSource.Expand(full);
            if (missing.Count > 0)
            {
                foreach (var m in missing) err.WriteLine($"hearsay {command}: {m}");
                return (null, ExitCodes.InputNotFound);
            }
            source = new PathClaimSource(full);
        }

        var options = new LinkerOptions();
        if (parse.GetValue(Threshold) is { } t) options = options with { Threshold = t, MergeThreshold = Math.Max(t, options.MergeThreshold) };
        var linker = new ClaimLinker(options);
        int problems = 0;
        var clock = Stopwatch.StartNew();
        foreach (var article in source.Read(p => { problems++; err.WriteLine($"hearsay {command}: {p}"); }))
            linker.Add(article);
        if (linker.Articles.Count == 0)
        {
            err.WriteLine($"hearsay {command}: no article could be read from {source.Description}.");
            return (null, ExitCodes.AllInputsFailed);
        }
        var graph = ProvenanceBuilder.Build(linker, new GraphOptions { MinArticles = parse.GetValue(MinArticles) });
        if (verbose)
            err.WriteLine($"hearsay {command}: {linker.Articles.Count} articles, {linker.Claims.Count} claims, {graph.Claims.Count} clusters in {clock.Elapsed.TotalSeconds:0.00} s");
        return (new Loaded(linker, graph, problems), ExitCodes.Ok);
    }

    /// <summary>The exit code after a successful run: 3 when some inputs could not be read.</summary>
    public static int Finish(Loaded loaded) => loaded.Problems > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Ok;
}
