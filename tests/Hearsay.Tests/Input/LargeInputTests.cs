using System.Text;
using Hearsay.Document;
using Hearsay.Input;

namespace Hearsay.Tests.Input;

/// <summary>A text of tens of megabytes is read and structured in full. No clock here: how fast it goes is
/// measured by the bench command (docs/cli.md); a quadratic pass would show as a run that never ends.</summary>
public class LargeInputTests
{
    private const int Size = 24 * 1024 * 1024;

    private static byte[] Generate(bool paragraphs)
    {
        var parts = new[]
        {
            "Wien – Die Gewerkschaft sieht Handlungsbedarf bei sogenannten Pauschalverträgen, sagte ein Sprecher am Montag.",
            "„Wir fordern mehr Transparenz“, sagte die Vorsitzende. Die Arbeitgeber wiesen das zurück.",
            "Ein Zwischentitel ohne Punkt",
            "Der Minister bei der Pressekonferenz. Foto: Erika Beispiel/dpa",
            "Nach Angaben des Ministeriums stieg die Zahl der Fälle um 12,5 Prozent auf 1.234.",
        };
        var sb = new StringBuilder(Size + 1024);
        sb.Append("Eine Überschrift für den großen Text\n\nVon Erika Muster\n\n");
        int i = 0;
        while (sb.Length < Size)
        {
            sb.Append(parts[i++ % parts.Length]);
            sb.Append(paragraphs ? "\n\n" : " ");
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Tens_of_megabytes_are_read_and_structured(bool paragraphs)
    {
        var bytes = Generate(paragraphs);
        Assert.True(bytes.Length > Size);
        var a = ArticleReader.FromBytes(bytes);
        Assert.Contains(a.Diagnostics, d => d.Code == "input.large" && d.Severity == Severity.Info);
        Assert.Equal("Eine Überschrift für den großen Text", a.StringOf(a.Structure.Title!.Value));
        if (paragraphs)
        {
            Assert.True(a.Structure.Blocks.Count > 100_000);
            Assert.True(a.Structure.Captions.Count > 10_000);
        }
        // Blocks stay in order and inside the text.
        int prev = 0;
        foreach (var b in a.Structure.Blocks)
        {
            Assert.True(b.Span.Start >= prev && b.Span.End <= a.Text.Length);
            prev = b.Span.End;
        }
    }
}
