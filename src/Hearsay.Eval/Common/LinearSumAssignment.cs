namespace Hearsay.Eval;

/// <summary>
/// The linear sum assignment problem (rectangular): pick min(rows, columns) cells, at most one per row
/// and column, with the least (or greatest) total. Shortest augmenting paths with dual variables
/// (Jonker–Volgenant as described by Crouse, 2016), one row at a time. Ties are broken the way SciPy's
/// <c>linear_sum_assignment</c> breaks them (columns scanned from the last, a free column preferred at
/// equal cost), so alignments agree with scorers written against SciPy even when scores tie.
/// </summary>
public static class LinearSumAssignment
{
    /// <summary>Solves the problem for <paramref name="cost"/> (rows × columns). Returns the chosen cells as
    /// parallel arrays, sorted by row.</summary>
    public static (int[] Rows, int[] Columns) Solve(double[,] cost, bool maximize = false)
    {
        int nr = cost.GetLength(0), nc = cost.GetLength(1);
        if (nr == 0 || nc == 0) return (Array.Empty<int>(), Array.Empty<int>());
        bool transpose = nc < nr;
        if (transpose) (nr, nc) = (nc, nr);
        var c = new double[nr * nc];
        for (int i = 0; i < nr; i++)
            for (int j = 0; j < nc; j++)
            {
                double x = transpose ? cost[j, i] : cost[i, j];
                if (double.IsNaN(x)) throw new ArgumentException("The cost matrix holds NaN.", nameof(cost));
                c[i * nc + j] = maximize ? -x : x;
            }

        var u = new double[nr];
        var v = new double[nc];
        var shortest = new double[nc];
        var path = new int[nc];
        var col4row = new int[nr];
        var row4col = new int[nc];
        var sr = new bool[nr];
        var sc = new bool[nc];
        var remaining = new int[nc];
        Array.Fill(path, -1);
        Array.Fill(col4row, -1);
        Array.Fill(row4col, -1);

        for (int curRow = 0; curRow < nr; curRow++)
        {
            int sink = AugmentingPath(nc, c, u, v, path, row4col, shortest, curRow, sr, sc, remaining, out double minVal);
            if (sink < 0) throw new ArgumentException("The cost matrix is infeasible.", nameof(cost));
            u[curRow] += minVal;
            for (int i = 0; i < nr; i++)
                if (sr[i] && i != curRow) u[i] += minVal - shortest[col4row[i]];
            for (int j = 0; j < nc; j++)
                if (sc[j]) v[j] -= minVal - shortest[j];
            int jj = sink;
            while (true)
            {
                int i = path[jj];
                row4col[jj] = i;
                (col4row[i], jj) = (jj, col4row[i]);
                if (i == curRow) break;
            }
        }

        var rows = new int[nr];
        var cols = new int[nr];
        if (transpose)
        {
            // Rows of the solved problem are the caller's columns: report by the caller's row order.
            var order = Enumerable.Range(0, nr).OrderBy(k => col4row[k]).ToArray();
            for (int k = 0; k < nr; k++) { rows[k] = col4row[order[k]]; cols[k] = order[k]; }
        }
        else
        {
            for (int i = 0; i < nr; i++) { rows[i] = i; cols[i] = col4row[i]; }
        }
        return (rows, cols);
    }

    private static int AugmentingPath(int nc, double[] cost, double[] u, double[] v, int[] path, int[] row4col,
        double[] shortest, int i, bool[] sr, bool[] sc, int[] remaining, out double minVal)
    {
        minVal = 0;
        int numRemaining = nc;
        // Filled in reverse so that a constant matrix yields the identity assignment.
        for (int it = 0; it < nc; it++) remaining[it] = nc - it - 1;
        Array.Fill(sr, false);
        Array.Fill(sc, false);
        Array.Fill(shortest, double.PositiveInfinity);
        int sink = -1;
        while (sink == -1)
        {
            int index = -1;
            double lowest = double.PositiveInfinity;
            sr[i] = true;
            for (int it = 0; it < numRemaining; it++)
            {
                int j = remaining[it];
                double r = minVal + cost[i * nc + j] - u[i] - v[j];
                if (r < shortest[j])
                {
                    path[j] = i;
                    shortest[j] = r;
                }
                if (shortest[j] < lowest || (shortest[j] == lowest && row4col[j] == -1))
                {
                    lowest = shortest[j];
                    index = it;
                }
            }
            minVal = lowest;
            if (double.IsPositiveInfinity(minVal)) return -1;
            int jj = remaining[index];
            if (row4col[jj] == -1) sink = jj;
            else i = row4col[jj];
            sc[jj] = true;
            remaining[index] = remaining[--numRemaining];
        }
        return sink;
    }
}
