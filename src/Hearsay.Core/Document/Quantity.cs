namespace Hearsay.Document;

/// <summary>What a quantity is. Rank: a place in a ranking ("viertgrößte", "4th place"); Ordinal: a place in a
/// sequence ("die dritte Runde", "the first time"); Age: how old someone or something is ("45 years old", "45-jährig").</summary>
public enum QuantityKind : byte { Count, Measure, Money, Percent, Date, Rank, Duration, Ordinal, Age }

public enum Bound : byte { Exact, Lower, Upper }

/// <summary>A quantity: normalized value, what it counts, and how precise the author claims it is.</summary>
public sealed class Quantity
{
    /// <summary>The whole expression, qualifiers and counted noun included ("fast 1,3 Millionen aktive Soldat:innen").</summary>
    public required TextSpan Span { get; init; }
    /// <summary>The number itself ("1,3 Millionen").</summary>
    public required TextSpan Number { get; init; }
    public required QuantityKind Kind { get; init; }
    public double Value { get; init; }
    /// <summary>Upper end for ranges ("zwischen 3 und 5", "3 to 5").</summary>
    public double? UpperValue { get; init; }
    /// <summary>Normalized text value for dates ("2019-04").</summary>
    public string? ValueText { get; init; }
    /// <summary>The counted noun phrase, modifiers included ("aktive Soldat:innen", "North Korean volunteers"),
    /// or the unit ("Prozent", "km").</summary>
    public TextSpan? Counted { get; init; }
    /// <summary>Normalized unit or currency code ("%", "EUR", "km").</summary>
    public string? Unit { get; init; }
    public bool Approximate { get; init; }
    public Bound Bound { get; init; }
    /// <summary>The qualifier words ("fast", "mehr als", "up to").</summary>
    public TextSpan? Qualifier { get; init; }
}
