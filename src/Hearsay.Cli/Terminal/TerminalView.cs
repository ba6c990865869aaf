using System.Globalization;
using Hearsay.Document;
using Hearsay.Output;
using Spectre.Console;
using TextCell = Spectre.Console.Text;

namespace Hearsay.Cli.Terminal;

/// <summary>
/// The human view of an analysed article (<c>--format terminal</c>): header, sources, attributions, claims
/// with their sourcing chains, hedges, quantities and warnings. Renders the model; analyses nothing.
/// </summary>
public sealed class TerminalView
{
    private const string CueStyle = "bold yellow";
    private const string SourceStyle = "bold cyan";
    private const string MediumStyle = "green";
    private const string FrameStyle = "grey";

    private readonly IAnsiConsole _console;

    public TerminalView(TextWriter writer, bool colors, int width)
    {
        _console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = colors ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = colors ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        _console.Profile.Width = Math.Max(40, width);
        _console.Profile.Capabilities.Unicode = true;
    }

    public void Render(Article a, string name)
    {
        Header(a, name);
        Sources(a);
        Attributions(a);
        Claims(a);
        Hedges(a);
        Quantities(a);
        Warnings(a);
        _console.WriteLine();
    }

    private void Header(Article a, string name)
    {
        var s = a.Structure;
        var titleSpan = s.Title ?? s.Blocks.FirstOrDefault(b => b.Kind == BlockKind.Title)?.Span;
        string title = titleSpan is { } t ? Excerpt.Plain(a.Text, t, 100) : name;
        _console.Write(new Rule($"[bold]{Markup.Escape(title)}[/]") { Justification = Justify.Left });

        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        void Row(string label, string value) => grid.AddRow(new Markup($"[{FrameStyle}]{label}[/]"), new Markup(value));
        Row("Input", Markup.Escape(name));
        var m = a.Metadata;
        if (m.Outlet is not null || m.Published is not null || m.Url is not null)
        {
            var published = m.Published?.ToString(m.Published.Value.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
            Row("Published", Markup.Escape(string.Join(" · ", new[] { m.Outlet, published, m.Url }.Where(x => !string.IsNullOrEmpty(x)))));
        }
        if (s.Authors.Count > 0) Row("Authors", Markup.Escape(string.Join(", ", s.Authors.Select(x => Excerpt.Plain(a.Text, x, 60)))));
        if (s.Dateline is { } dateline)
        {
            string d = Excerpt.Plain(a.Text, s.DatelinePlace ?? dateline, 60);
            if (s.DatelineAgency is { } agency) d += $" ({Excerpt.Plain(a.Text, agency, 40)})";
            Row("Dateline", Markup.Escape(d));
        }
        string lang = string.IsNullOrEmpty(a.Metadata.Language)
            ? $"{a.Language} (detected, confidence {a.LanguageConfidence.ToString("0.00", CultureInfo.InvariantCulture)})"
            : $"{a.Language} (given)";
        Row("Language", Markup.Escape(lang));
        int paragraphs = s.Blocks.Count(b => b.Kind == BlockKind.Paragraph);
        Row("Size", $"{Count(a.Text.Length, "character")} · {Count(paragraphs, "paragraph")} · {Count(a.Sentences.Length, "sentence")}");
        Row("Found", $"{Count(a.Entities.Count, "entity", "entities")} · {Count(a.Attributions.Count, "attribution")} · " +
                     $"{Count(a.Claims.Count, "claim")} · {Count(a.Hedges.Count, "hedge")} · {Count(a.Quantities.Count, "quantity", "quantities")}");
        _console.Write(grid);
    }

    private void Sources(Article a)
    {
        var rows = SourceSummary.Of(a);
        if (rows.Count == 0) return;
        Section("Sources");
        var table = new Table().Border(TableBorder.Rounded).Expand()
            .AddColumn("Source").AddColumn("Kind").AddColumn("Role")
            .AddColumn(new TableColumn("Statements").RightAligned()).AddColumn("Media").AddColumn("Relays");
        foreach (var r in rows)
            table.AddRow(
                new Markup($"[{SourceStyle}]{Markup.Escape(r.Name)}[/]"),
                new TextCell(r.Kind),
                new TextCell(string.Join(", ", r.Roles)),
                new TextCell(N(r.Statements)),
                new TextCell(string.Join(", ", r.Media)),
                new TextCell(string.Join(", ", r.Relays)));
        _console.Write(table);
    }

    private void Attributions(Article a)
    {
        if (a.Attributions.Count == 0) return;
        Section("Attributions", $"[{CueStyle}]cue[/] · [{SourceStyle}]source[/] · [{MediumStyle}]medium[/]");
        var table = new Table().Border(TableBorder.Simple).Expand()
            .AddColumn("#").AddColumn("Kind").AddColumn("Source").AddColumn("Statement");
        foreach (var at in a.Attributions)
        {
            var entity = SourceSummary.EntityOf(a, at.Source.EntityId);
            string source = entity?.Canonical
                            ?? (at.Source.Span is { } ss ? Excerpt.Plain(a.Text, ss, 40) : "(none)");
            string kind = OutputNames.Of(at.Kind);
            if (at.Source.Kind is SourceKind.Anonymous or SourceKind.Vague or SourceKind.Document)
                kind += $"\n[{FrameStyle}]{OutputNames.Of(at.Source.Kind)} source[/]";
            table.AddRow(
                new TextCell(OutputNames.AttributionId(at.Id)),
                new Markup(kind),
                new Markup($"[{SourceStyle}]{Markup.Escape(source)}[/]"),
                new Markup(Statement(a, at)));
        }
        _console.Write(table);
    }

    /// <summary>The attribution in its words: frame grey, cue, source and medium highlighted, content plain.</summary>
    private static string Statement(Article a, Document.Attribution at)
    {
        var range = at.Content.Union(at.Cue);
        if (at.CueParticle is { } p) range = range.Union(p);
        // Source and medium are shown in place when they stand near the statement.
        if (at.Source.Span is { } s && s.Union(range).Length <= range.Length + 200) range = range.Union(s);
        if (at.Medium is { } m && m.Union(range).Length <= range.Length + 200) range = range.Union(m);
        range = WithQuoteMarks(a.Text, range);
        var marks = new List<Excerpt.Mark>
        {
            new(at.Content, "", 1),
            new(at.Cue, CueStyle, 3),
        };
        if (at.CueParticle is { } particle) marks.Add(new(particle, CueStyle, 3));
        if (at.Source.Span is { } source) marks.Add(new(source, SourceStyle, 2));
        if (at.Medium is { } medium) marks.Add(new(medium, MediumStyle, 2));
        return Excerpt.Markup(a.Text, range, marks, FrameStyle);
    }

    /// <summary>Widens a range by the quotation marks right at its edges, so a quote is shown with its marks.</summary>
    private static TextSpan WithQuoteMarks(string text, TextSpan range)
    {
        int start = range.Start, end = range.End;
        if (start > 0 && Hearsay.Text.CharClass.IsQuote(text[start - 1])) start--;
        if (end < text.Length && Hearsay.Text.CharClass.IsQuote(text[end])) end++;
        return TextSpan.FromBounds(start, end);
    }

    private void Claims(Article a)
    {
        if (a.Claims.Count == 0) return;
        Section("Claims", "sourcing chain: origin → … → author");
        var table = new Table().Border(TableBorder.Simple).Expand()
            .AddColumn("#").AddColumn("Claim").AddColumn("Sourcing");
        foreach (var c in a.Claims)
        {
            var sourcing = new Rows(new Markup(Chain(c)), new Markup(Assessment(c.Assessment)));
            table.AddRow(new TextCell(OutputNames.ClaimId(c.Id)), new TextCell(Excerpt.Plain(a.Text, c.Content, 200)), sourcing);
        }
        _console.Write(table);
    }

    private static string Chain(Claim c)
    {
        if (c.Chain.Count == 0) return $"[{FrameStyle}](no chain)[/]";
        return string.Join(" → ", c.Chain.Select(link =>
        {
            string name = Markup.Escape(link.Name);
            if (link.Role == ChainRole.Origin) name = $"[{SourceStyle}]{name}[/]";
            string role = OutputNames.Of(link.Role) + (link.Inferred ? ", inferred" : "");
            return $"{name} [{FrameStyle}]({role})[/]";
        }));
    }

    private static string Assessment(SourcingAssessment s)
    {
        var parts = new List<string>
        {
            s.Origin == OriginKind.Unattributed ? "unattributed" : $"{OutputNames.Of(s.Origin)} origin",
            s.FirstHand ? "first-hand" : "second-hand",
            Count(s.IndependentSources, "independent source"),
        };
        if (s.StateMediaOrigin) parts.Add("[red]state-media origin[/]");
        if (s.HedgedByAuthor) parts.Add("[yellow]hedged by the author[/]");
        parts.AddRange(s.Notes.Select(Markup.Escape));
        return string.Join(" · ", parts);
    }

    private void Hedges(Article a)
    {
        if (a.Hedges.Count == 0) return;
        Section("Hedges");
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        foreach (var h in a.Hedges)
        {
            var marks = new List<Excerpt.Mark> { new(h.Cue, CueStyle, 1) };
            grid.AddRow(
                new TextCell(OutputNames.Of(h.Kind)),
                new Markup($"[{CueStyle}]{Markup.Escape(Excerpt.Plain(a.Text, h.Cue, 30))}[/]"),
                new Markup(Excerpt.Markup(a.Text, h.Scope.Union(h.Cue), marks, "", 120)));
        }
        _console.Write(grid);
    }

    private void Quantities(Article a)
    {
        if (a.Quantities.Count == 0) return;
        Section("Quantities");
        var grid = new Grid().AddColumn(new GridColumn().PadRight(2)).AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        foreach (var q in a.Quantities)
        {
            string value = q.ValueText ?? Number(q.Value);
            if (q.UpperValue is { } upper) value += "–" + Number(upper);
            if (q.Unit is not null) value += " " + q.Unit;
            if (q.Bound == Bound.Lower) value = "≥ " + value;
            else if (q.Bound == Bound.Upper) value = "≤ " + value;
            if (q.Approximate) value = "≈ " + value;
            string about = OutputNames.Of(q.Kind);
            if (q.Counted is { } counted && q.Kind is QuantityKind.Count or QuantityKind.Measure or QuantityKind.Duration)
                about += ": " + Excerpt.Plain(a.Text, counted, 40);
            grid.AddRow(new TextCell(Excerpt.Plain(a.Text, q.Span, 60)), new TextCell(value), new Markup($"[{FrameStyle}]{Markup.Escape(about)}[/]"));
        }
        _console.Write(grid);
    }

    private void Warnings(Article a)
    {
        if (a.Diagnostics.Count == 0) return;
        Section("Warnings");
        foreach (var d in a.Diagnostics)
        {
            string color = d.Severity switch { Severity.Error => "red", Severity.Warning => "yellow", _ => FrameStyle };
            string where = d.Span is { } span ? $" [{FrameStyle}]at {span.Start}: «{Markup.Escape(Excerpt.Plain(a.Text, span, 40))}»[/]" : "";
            _console.MarkupLine($"[{color}]{OutputNames.Of(d.Severity)}[/] {Markup.Escape(d.Code)}: {Markup.Escape(d.Message)}{where}");
        }
    }

    private void Section(string title, string? legend = null)
    {
        _console.WriteLine();
        _console.MarkupLine(legend is null ? $"[bold underline]{title}[/]" : $"[bold underline]{title}[/]  [{FrameStyle}]{legend}[/]");
    }

    private static string Count(int n, string one, string? many = null) => $"{N(n)} {(n == 1 ? one : many ?? one + "s")}";

    private static string N(int n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Number(double v) =>
        v == Math.Floor(v) && Math.Abs(v) < 1e15 ? v.ToString("#,0", CultureInfo.InvariantCulture) : v.ToString("0.###", CultureInfo.InvariantCulture);
}
