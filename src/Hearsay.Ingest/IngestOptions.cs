using Hearsay.Ingest.Sources;

namespace Hearsay.Ingest;

/// <summary>Choices for an ingest run.</summary>
public sealed record IngestOptions
{
    /// <summary>16 MB: far above any news article, and a bound on what one record can hold in memory.</summary>
    public const int DefaultMaxRecordBytes = 16_000_000;

    /// <summary>Analysis workers; one per core by default.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>Redo articles stored by an older pipeline version (otherwise they are kept as they are).</summary>
    public bool Reanalyze { get; init; }

    /// <summary>The language of every article ("de", "en"); skips detection and overrides the inputs' fields.</summary>
    public string? Language { get; init; }

    /// <summary>Field names for JSON Lines and CSV.</summary>
    public FieldMap Fields { get; init; } = FieldMap.Default;

    /// <summary>CSV field separator; null: the first of ';', ',' or tab on the first line.</summary>
    public char? CsvSeparator { get; init; }
    /// <summary>CSV quote character; null: "'" when the first quoted field uses it, else '"'.</summary>
    public char? CsvQuote { get; init; }
    /// <summary>CSV header row; null: yes when the first row names a known field.</summary>
    public bool? CsvHeader { get; init; }

    /// <summary>The largest article (file, payload or text field) read, in bytes; bigger ones are reported.</summary>
    public int MaxRecordBytes { get; init; } = DefaultMaxRecordBytes;

    /// <summary>Articles per store transaction, at most. Each commit writes the batch's full-text passages as one
    /// new FTS5 segment; 256 rather than 64 made the writer 10% cheaper (docs/store.md).</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>How long the writer waits to fill a batch before committing what it has.</summary>
    public TimeSpan BatchDelay { get; init; } = TimeSpan.FromMilliseconds(500);
}
