package trlab.measure;

/**
 * The regions of SCIENCE.md §6: over the probe grid the decision is argmax_k f_k (K > 1, the first of equal
 * outputs) or the sign of f (K = 1, sign(0) = +), and {@code regions} counts the contiguous pieces of constant
 * decision: runs along the grid for d = 1, 4-connected components of the G x G grid for d = 2.
 */
public final class Regions {
    private Regions() {
    }

    /**
     * @param f        the network's outputs on the probe grid, K per point
     * @param gridSide G for a d = 2 grid (point r G + c), 0 for d = 1
     */
    public static int count(double[] f, int outputs, int gridSide) {
        int[] decision = decisions(f, outputs);
        return gridSide == 0 ? runs(decision) : components(decision, gridSide);
    }

    /** The decision at every point of outputs held K per point: the largest output, or 1 for f >= 0 when K = 1. */
    public static int[] decisions(double[] f, int outputs) {
        int[] decision = new int[f.length / outputs];
        for (int p = 0; p < decision.length; p++) {
            decision[p] = decision(f, p * outputs, outputs);
        }
        return decision;
    }

    static int decision(double[] f, int offset, int outputs) {
        if (outputs == 1) {
            return f[offset] >= 0 ? 1 : 0;
        }
        int best = 0;
        for (int k = 1; k < outputs; k++) {
            if (f[offset + k] > f[offset + best]) {
                best = k;
            }
        }
        return best;
    }

    private static int runs(int[] decision) {
        int count = decision.length == 0 ? 0 : 1;
        for (int p = 1; p < decision.length; p++) {
            if (decision[p] != decision[p - 1]) {
                count++;
            }
        }
        return count;
    }

    /** Flood fill with an explicit stack: a grid of constant decision would overflow a recursive one. */
    private static int components(int[] decision, int side) {
        boolean[] seen = new boolean[decision.length];
        int[] stack = new int[decision.length];
        int count = 0;
        for (int start = 0; start < decision.length; start++) {
            if (seen[start]) {
                continue;
            }
            count++;
            seen[start] = true;
            int top = 0;
            stack[top++] = start;
            while (top > 0) {
                int p = stack[--top];
                int r = p / side;
                int c = p % side;
                if (c > 0) {
                    top = visit(decision, seen, stack, top, p, p - 1);
                }
                if (c < side - 1) {
                    top = visit(decision, seen, stack, top, p, p + 1);
                }
                if (r > 0) {
                    top = visit(decision, seen, stack, top, p, p - side);
                }
                if (r < side - 1) {
                    top = visit(decision, seen, stack, top, p, p + side);
                }
            }
        }
        return count;
    }

    private static int visit(int[] decision, boolean[] seen, int[] stack, int top, int from, int to) {
        if (!seen[to] && decision[to] == decision[from]) {
            seen[to] = true;
            stack[top++] = to;
        }
        return top;
    }
}
