namespace Hearsay.Document;

/// <summary>The kinds of annotation a stage can need or add. A pipeline is valid when every stage's needs
/// are added by a stage before it.</summary>
[Flags]
public enum Layers
{
    None = 0,
    Text = 1 << 0,
    Structure = 1 << 1,
    Language = 1 << 2,
    Tokens = 1 << 3,
    Sentences = 1 << 4,
    Quotations = 1 << 5,
    Entities = 1 << 6,
    Quantities = 1 << 7,
    Hedges = 1 << 8,
    Attributions = 1 << 9,
    Coreference = 1 << 10,
    Claims = 1 << 11,
    SpeechEvents = 1 << 12,
}
