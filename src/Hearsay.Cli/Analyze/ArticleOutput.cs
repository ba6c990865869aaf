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

    /// <summary>Renders with the Utf8JsonWriter into a reused buffer, then hands the text to the writer.</summary>
    protected static void WriteJson(TextWriter writer, JsonArticleWriter json, ArrayBufferWriter<byte> buffer, Article article)
    {
        buffer.ResetWrittenCount();
        json.WriteDocument(buffer, article);
        writer.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}

/// <summary>One input, "--format json": a single JSON document.</summary>
public sealed class JsonDocumentOutput(TextWriter writer, bool includeText) : ArticleOutput(writer)
{
    private readonly JsonArticleWriter _json = new(new JsonOutputOptions { IncludeText = includeText });
    private readonly ArrayBufferWriter<byte> _buffer = new();

    public override void Write(Article article, string name)
    {
        WriteJson(Writer, _json, _buffer, article);
        Writer.Write('\n');
    }
}

/// <summary>Several inputs, "--format json": one JSON array of article objects. Written only when at least one
/// article succeeded, so a run where every input failed leaves the output empty.</summary>
public sealed class JsonArrayOutput(TextWriter writer, bool includeText) : ArticleOutput(writer)
{
    private readonly JsonArticleWriter _json = new(new JsonOutputOptions { IncludeText = includeText });
    private readonly ArrayBufferWriter<byte> _buffer = new();
    private int _count;

    public override void Write(Article article, string name)
    {
        Writer.Write(_count++ == 0 ? "[\n" : ",\n");
        WriteJson(Writer, _json, _buffer, article);
    }

    public override void Complete()
    {
        if (_count > 0) Writer.Write("\n]\n");
        base.Complete();
    }
}

/// <summary>"--format jsonl": one compact JSON object per line, flushed per article so a consumer can stream.</summary>
public sealed class JsonLinesOutput(TextWriter writer, bool includeText) : ArticleOutput(writer)
{
    private readonly JsonArticleWriter _json = new(new JsonOutputOptions { IncludeText = includeText, Indented = false });
    private readonly ArrayBufferWriter<byte> _buffer = new();

    public override void Write(Article article, string name)
    {
        WriteJson(Writer, _json, _buffer, article);
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
