package dev.airlock.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * Line-based unified diff (the {@code diff -u} format models and humans both read), used to tell
 * the model how the supervisor edited its code. Longest-common-subsequence on lines: code blocks
 * are hundreds of lines at most, so the quadratic table is small.
 */
public final class UnifiedDiff {
  private static final int CONTEXT = 3;

  private UnifiedDiff() {}

  public static String between(String before, String after, String fromName, String toName) {
    List<String> a = lines(before);
    List<String> b = lines(after);
    List<Op> ops = script(a, b);
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(fromName).append('\n').append("+++ ").append(toName).append('\n');
    int i = 0;
    while (i < ops.size()) {
      if (ops.get(i).kind == ' ') {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      int lastChange = i;
      while (end < ops.size()) {
        if (ops.get(end).kind != ' ') {
          lastChange = end;
        } else if (end - lastChange > 2 * CONTEXT) {
          break;
        }
        end++;
      }
      end = Math.min(ops.size(), lastChange + CONTEXT + 1);
      appendHunk(out, ops.subList(start, end));
      i = end;
    }
    return out.toString();
  }

  private record Op(char kind, String line, int aLine, int bLine) {}

  private static void appendHunk(StringBuilder out, List<Op> hunk) {
    int aStart = -1;
    int bStart = -1;
    int aCount = 0;
    int bCount = 0;
    for (Op op : hunk) {
      if (op.kind != '+') {
        aCount++;
        aStart = aStart < 0 ? op.aLine : aStart;
      }
      if (op.kind != '-') {
        bCount++;
        bStart = bStart < 0 ? op.bLine : bStart;
      }
    }
    out.append("@@ -")
        .append(range(aStart, aCount, hunk.get(0).aLine))
        .append(" +")
        .append(range(bStart, bCount, hunk.get(0).bLine))
        .append(" @@\n");
    for (Op op : hunk) {
      out.append(op.kind).append(op.line).append('\n');
    }
  }

  private static String range(int start, int count, int fallback) {
    int s = count == 0 ? fallback : start;
    return count == 1 ? String.valueOf(s) : s + "," + count;
  }

  private static List<Op> script(List<String> a, List<String> b) {
    int n = a.size();
    int m = b.size();
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).equals(b.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<Op> ops = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(i).equals(b.get(j))) {
        ops.add(new Op(' ', a.get(i), i + 1, j + 1));
        i++;
        j++;
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.add(new Op('-', a.get(i), i + 1, j));
        i++;
      } else {
        ops.add(new Op('+', b.get(j), i, j + 1));
        j++;
      }
    }
    return ops;
  }

  private static List<String> lines(String text) {
    List<String> out = new ArrayList<>(List.of(text.split("\\R", -1)));
    if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }
}
