using System.Buffers;
using System.Text;
using Hearsay.Cli.Terminal;
using Hearsay.Document;
using Hearsay.Output;

namespace Hearsay.Cli.Analyze;

public enum OutputFormat { Auto, Terminal, Json, Jsonl }

/// <summary>Where analysed articles go, in one of the output formats. Articles arrive one at a time, in input order.</summary>
public abstract class ArticleOutput(TextWriter writer)
{
    protected TextWriter Writer { get; } = writer;

    public abstract void Write(Article article, string name);

    /// <summary>Called once after the last article, also when no article was written.</summary>
    public virtual void Complete() => Writer.Flush();

    public static ArticleOutput Create(OutputFormat format, TextWriter writer, bool singleDocument, bool includeText, bool colors, int width) =>
        format switch
        {
            OutputFormat.Terminal => new TerminalOutput(writer, colors, width),
            OutputFormat.Json when singleDocument => new JsonDocumentOutput(writer, includeText),
            OutputFormat.Json => new JsonArrayOutput(writer, includeText),
            OutputFormat.Jsonl => new JsonLinesOutput(writer, includeText),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "resolve 'auto' before creating the output"),
        };
}

/// <summary>The JSON formats: render with the Utf8JsonWriter into a reused buffer, then hand the text to the writer.</summary>
public abstract class JsonOutput(TextWriter writer, JsonOutputOptions options) : ArticleOutput(writer)
{
    private readonly JsonArticleWriter _json = new(options);
    private readonly ArrayBufferWriter<byte> _buffer = new();

    protected void WriteArticle(Article article)
    {
        _buffer.ResetWrittenCount();
        _json.WriteDocument(_buffer, article);
        Writer.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
    }
}

/// <summary>One input, "--format json": a single JSON document.</summary>
public sealed class JsonDocumentOutput(TextWriter writer, bool includeText)
    : JsonOutput(writer, new JsonOutputOptions { IncludeText = includeText })
{
    public override void Write(Article article, string name)
    {
        WriteArticle(article);
        Writer.Write('\n');
    }
}

/// <summary>Several inputs, "--format json": one JSON array of article objects. Written only when at least one
/// article succeeded, so a run where every input failed leaves the output empty.</summary>
public sealed class JsonArrayOutput(TextWriter writer, bool includeText)
    : JsonOutput(writer, new JsonOutputOptions { IncludeText = includeText })
{
    private int _count;

    public override void Write(Article article, string name)
    {
        Writer.Write(_count++ == 0 ? "[\n" : ",\n");
        WriteArticle(article);
    }

    public override void Complete()
    {
        if (_count > 0) Writer.Write("\n]\n");
        base.Complete();
    }
}

/// <summary>"--format jsonl": one compact JSON object per line, flushed per article so a consumer can stream.</summary>
public sealed class JsonLinesOutput(TextWriter writer, bool includeText)
    : JsonOutput(writer, new JsonOutputOptions { IncludeText = includeText, Indented = false })
{
    public override void Write(Article article, string name)
    {
        WriteArticle(article);
        Writer.Write('\n');
        Writer.Flush();
    }
}

/// <summary>"--format terminal": the human view, one article after another.</summary>
public sealed class TerminalOutput(TextWriter writer, bool colors, int width) : ArticleOutput(writer)
{
    private readonly TerminalView _view = new(writer, colors, width);

    public override void Write(Article article, string name) => _view.Render(article, name);
}
