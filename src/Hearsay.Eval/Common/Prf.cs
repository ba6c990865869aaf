namespace Hearsay.Eval;

/// <summary>True positives, false positives and false negatives, with micro precision, recall and F1.
/// A ratio whose denominator is zero is 0 (the convention of the datasets' own scorers).</summary>
public struct Prf
{
    public long Tp;
    public long Fp;
    public long Fn;

    public Prf(long tp, long fp, long fn) { Tp = tp; Fp = fp; Fn = fn; }

    public readonly double Precision => Tp + Fp == 0 ? 0 : (double)Tp / (Tp + Fp);
    public readonly double Recall => Tp + Fn == 0 ? 0 : (double)Tp / (Tp + Fn);
    public readonly double F1 => Harmonic(Precision, Recall);

    public static double Harmonic(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);

    public void Add(Prf other) { Tp += other.Tp; Fp += other.Fp; Fn += other.Fn; }

    public static Prf operator +(Prf a, Prf b) => new(a.Tp + b.Tp, a.Fp + b.Fp, a.Fn + b.Fn);

    /// <summary>Token-set comparison: both sorted ascending and free of duplicates.</summary>
    public static Prf OfSets(ReadOnlySpan<int> gold, ReadOnlySpan<int> sys)
    {
        long tp = 0, fp = 0, fn = 0;
        int g = 0, s = 0;
        while (g < gold.Length && s < sys.Length)
        {
            if (gold[g] == sys[s]) { tp++; g++; s++; }
            else if (gold[g] < sys[s]) { fn++; g++; }
            else { fp++; s++; }
        }
        fn += gold.Length - g;
        fp += sys.Length - s;
        return new Prf(tp, fp, fn);
    }

    public override readonly string ToString() => $"tp={Tp} fp={Fp} fn={Fn} P={Precision:0.0000} R={Recall:0.0000} F1={F1:0.0000}";
}

/// <summary>Averages of per-cell precision and recall: a cell whose denominator is zero is skipped
/// (the macro averaging of the GermEval 2023 speaker-attribution scorer).</summary>
public struct MacroPr
{
    public double PrecisionSum;
    public int PrecisionCells;
    public double RecallSum;
    public int RecallCells;

    public void Add(Prf cell)
    {
        if (cell.Tp + cell.Fp > 0) { PrecisionSum += (double)cell.Tp / (cell.Tp + cell.Fp); PrecisionCells++; }
        if (cell.Tp + cell.Fn > 0) { RecallSum += (double)cell.Tp / (cell.Tp + cell.Fn); RecallCells++; }
    }

    public void Add(MacroPr other)
    {
        PrecisionSum += other.PrecisionSum; PrecisionCells += other.PrecisionCells;
        RecallSum += other.RecallSum; RecallCells += other.RecallCells;
    }

    public readonly double Precision => PrecisionCells == 0 ? 0 : PrecisionSum / PrecisionCells;
    public readonly double Recall => RecallCells == 0 ? 0 : RecallSum / RecallCells;
    public readonly double F1 => Prf.Harmonic(Precision, Recall);
}
