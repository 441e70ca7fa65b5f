package dev.airlock.lakehouse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Pure catalog-state logic of merge and diff, at table granularity. */
final class Merges {
  private Merges() {}

  /** The merged state, or the conflicting table fqns in {@code conflicts}. */
  record Result(CatalogState state, List<String> conflicts) {}

  static Result threeWay(CatalogState base, CatalogState source, CatalogState target) {
    Set<String> all = new TreeSet<>(base.tables().keySet());
    all.addAll(source.tables().keySet());
    all.addAll(target.tables().keySet());
    CatalogState out = target;
    List<String> conflicts = new ArrayList<>();
    for (String fqn : all) {
      CatalogState.Entry b = base.tables().get(fqn);
      CatalogState.Entry s = source.tables().get(fqn);
      CatalogState.Entry t = target.tables().get(fqn);
      boolean sourceChanged = !same(b, s);
      boolean targetChanged = !same(b, t);
      if (sourceChanged && targetChanged && !same(s, t)) {
        conflicts.add(fqn);
      } else if (sourceChanged) {
        out = out.withEntry(fqn, s);
      }
    }
    Set<String> ns = new TreeSet<>(target.namespaces());
    for (String n : source.namespaces()) {
      if (!base.namespaces().contains(n)) {
        ns.add(n);
      }
    }
    for (String n : base.namespaces()) {
      if (!source.namespaces().contains(n)) {
        ns.remove(n);
      }
    }
    for (CatalogState.Entry e : out.tables().values()) {
      ns.add(e.doc().namespace());
    }
    return new Result(out.withNamespaces(ns), conflicts);
  }

  private static boolean same(CatalogState.Entry a, CatalogState.Entry b) {
    return a == null ? b == null : a.sameAs(b);
  }

  static RefDiff diff(Ref fromRef, CatalogState from, Ref toRef, CatalogState to) {
    Set<String> all = new TreeSet<>(from.tables().keySet());
    all.addAll(to.tables().keySet());
    List<TableDiff> out = new ArrayList<>();
    for (String fqn : all) {
      CatalogState.Entry a = from.tables().get(fqn);
      CatalogState.Entry b = to.tables().get(fqn);
      if (same(a, b)) {
        continue;
      }
      TableDocument any = a != null ? a.doc() : b.doc();
      TableDiff.Change change =
          a == null
              ? TableDiff.Change.ADDED
              : b == null ? TableDiff.Change.REMOVED : TableDiff.Change.CHANGED;
      out.add(
          new TableDiff(
              any.namespace(),
              any.name(),
              change,
              a == null ? null : a.doc().records(),
              b == null ? null : b.doc().records(),
              a == null || b == null ? List.of() : schemaChanges(a.doc(), b.doc())));
    }
    return new RefDiff(fromRef, toRef, out);
  }

  static List<SchemaChange> schemaChanges(TableDocument before, TableDocument after) {
    Map<String, String> a = types(before);
    Map<String, String> b = types(after);
    List<SchemaChange> out = new ArrayList<>();
    for (Map.Entry<String, String> e : a.entrySet()) {
      String now = b.get(e.getKey());
      if (now == null) {
        out.add(new SchemaChange(SchemaChange.Kind.REMOVED, e.getKey(), e.getValue(), null));
      } else if (!now.equals(e.getValue())) {
        out.add(new SchemaChange(SchemaChange.Kind.TYPE_CHANGED, e.getKey(), e.getValue(), now));
      }
    }
    for (Map.Entry<String, String> e : b.entrySet()) {
      if (!a.containsKey(e.getKey())) {
        out.add(new SchemaChange(SchemaChange.Kind.ADDED, e.getKey(), null, e.getValue()));
      }
    }
    return out;
  }

  private static Map<String, String> types(TableDocument d) {
    Map<String, String> m = new LinkedHashMap<>();
    d.fields().forEach(f -> m.put(f.name(), f.type()));
    return m;
  }
}
