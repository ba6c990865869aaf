using CsCheck;
using Hearsay.Eval;

namespace Hearsay.Tests.Eval;

public class LinearSumAssignmentTests
{
    [Fact]
    public void Square_matrix_gets_the_cheapest_permutation()
    {
        // Greedy would take 1 (row 0 → col 0) and then pay 7 + 8; the optimum is 2 + 3 + 4 = 9.
        var cost = new double[,] { { 1, 2, 9 }, { 3, 9, 9 }, { 9, 9, 4 } };
        var (rows, cols) = LinearSumAssignment.Solve(cost);
        Assert.Equal(new[] { 0, 1, 2 }, rows);
        Assert.Equal(new[] { 1, 0, 2 }, cols);
    }

    [Fact]
    public void Maximize_picks_the_largest_total()
    {
        var score = new double[,] { { 0.9, 0.8 }, { 0.85, 0.1 } };
        var (rows, cols) = LinearSumAssignment.Solve(score, maximize: true);
        Assert.Equal(new[] { 1, 0 }, cols); // 0.8 + 0.85 beats 0.9 + 0.1
        Assert.Equal(new[] { 0, 1 }, rows);
    }

    [Fact]
    public void Wide_matrix_assigns_every_row()
    {
        var score = new double[,] { { 0, 0, 5 }, { 0, 4, 0 } };
        var (rows, cols) = LinearSumAssignment.Solve(score, maximize: true);
        Assert.Equal(new[] { 0, 1 }, rows);
        Assert.Equal(new[] { 2, 1 }, cols);
    }

    [Fact]
    public void Tall_matrix_assigns_every_column_and_reports_by_row()
    {
        var score = new double[,] { { 0, 1 }, { 5, 0 }, { 0, 3 } };
        var (rows, cols) = LinearSumAssignment.Solve(score, maximize: true);
        Assert.Equal(new[] { 1, 2 }, rows);
        Assert.Equal(new[] { 0, 1 }, cols);
    }

    [Fact]
    public void Constant_matrix_gives_the_identity_like_scipy()
    {
        var (rows, cols) = LinearSumAssignment.Solve(new double[3, 4], maximize: true);
        Assert.Equal(new[] { 0, 1, 2 }, rows);
        Assert.Equal(new[] { 0, 1, 2 }, cols);
        var (rows2, cols2) = LinearSumAssignment.Solve(new double[3, 2], maximize: true);
        Assert.Equal(new[] { 0, 1 }, rows2);
        Assert.Equal(new[] { 0, 1 }, cols2);
    }

    [Fact]
    public void Empty_matrix_has_no_pairs()
    {
        var (rows, cols) = LinearSumAssignment.Solve(new double[0, 3]);
        Assert.Empty(rows);
        Assert.Empty(cols);
    }

    [Fact]
    public void Total_equals_brute_force_optimum_on_small_matrices()
    {
        Gen.Int[1, 5].SelectMany(r => Gen.Int[1, 5].SelectMany(c => Gen.Int[0, 9].Array[r * c].Select(v => (r, c, v))))
            .Sample(t =>
            {
                var (r, c, v) = t;
                var m = new double[r, c];
                for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) m[i, j] = v[i * c + j];
                var (rows, cols) = LinearSumAssignment.Solve(m);
                Assert.Equal(Math.Min(r, c), rows.Length);
                Assert.Equal(rows.Length, rows.Distinct().Count());
                Assert.Equal(cols.Length, cols.Distinct().Count());
                double total = 0;
                for (int k = 0; k < rows.Length; k++) total += m[rows[k], cols[k]];
                Assert.Equal(BruteForceMin(m), total);
            }, iter: 300);
    }

    private static double BruteForceMin(double[,] m)
    {
        int r = m.GetLength(0), c = m.GetLength(1);
        bool transpose = r > c;
        int rows = transpose ? c : r, colsN = transpose ? r : c;
        double best = double.MaxValue;
        void Go(int row, bool[] used, double sum)
        {
            if (row == rows) { best = Math.Min(best, sum); return; }
            for (int j = 0; j < colsN; j++)
            {
                if (used[j]) continue;
                used[j] = true;
                Go(row + 1, used, sum + (transpose ? m[j, row] : m[row, j]));
                used[j] = false;
            }
        }
        Go(0, new bool[colsN], 0);
        return best;
    }
}
