using System.Globalization;
using Hearsay.Provenance.Graph;

namespace Hearsay.Provenance.Exports;

/// <summary>What every export writes besides the graph: when it was made and by which Hearsay.</summary>
public sealed record ExportOptions
{
    /// <summary>The time of the export (ClaimReview's datePublished, PROV's generation time, JSON's "generated").</summary>
    public DateTimeOffset Generated { get; init; } = DateTimeOffset.UtcNow;
    public string HearsayVersion { get; init; } = Output.JsonArticleWriter.HearsayVersion;
    /// <summary>Base IRI of the ids in the linked-data exports.</summary>
    public string BaseIri { get; init; } = "https://hearsay.dev/id/";
}

/// <summary>One export format. An exporter renders the graph as it is; it never analyzes or links.</summary>
public interface IGraphExporter
{
    /// <summary>The name used by <c>hearsay export --format</c>.</summary>
    string Format { get; }
    string FileExtension { get; }
    string MediaType { get; }
    void Write(ProvenanceGraph graph, TextWriter output, ExportOptions options);
}

/// <summary>The export formats by name.</summary>
public static class GraphExporters
{
    public static IReadOnlyList<IGraphExporter> All { get; } = new IGraphExporter[]
    {
        new JsonGraphExporter(), new CsvGraphExporter(), new ClaimReviewExporter(), new ProvExporter(), new GraphMlExporter(),
    };

    public static IGraphExporter? Find(string format) =>
        All.FirstOrDefault(e => e.Format.Equals(format, StringComparison.OrdinalIgnoreCase));

    internal static string Iso(DateTimeOffset d) => d.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
    internal static string IsoDate(DateTimeOffset d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Name(NodeKind kind) => kind switch
    {
        NodeKind.Claim => "claim",
        NodeKind.Source => "source",
        NodeKind.Media => "media",
        NodeKind.Article => "article",
        NodeKind.Outlet => "outlet",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    internal static string Name(EdgeKind kind) => kind switch
    {
        EdgeKind.Said => "said",
        EdgeKind.RelayedBy => "relayed-by",
        EdgeKind.AppearedIn => "appeared-in",
        EdgeKind.PublishedBy => "published-by",
        EdgeKind.Cites => "cites",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
