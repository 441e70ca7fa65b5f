package dev.airlock.lakehouse;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The catalog as one commit sees it: table documents by fqn (with their blob ids, so equality is
 * cheap) and the namespaces. Immutable; the with/without methods return a changed copy.
 */
record CatalogState(Map<String, Entry> tables, Set<String> namespaces) {

  /** A table document and the id of its blob (null until written). */
  record Entry(TableDocument doc, ObjectId blobId) {
    boolean sameAs(Entry other) {
      if (other == null) {
        return false;
      }
      if (blobId != null && other.blobId != null) {
        return blobId.equals(other.blobId);
      }
      return Arrays.equals(doc.toBytes(), other.doc.toBytes());
    }
  }

  CatalogState {
    tables = Collections.unmodifiableMap(new TreeMap<>(tables));
    TreeSet<String> ns = new TreeSet<>(namespaces);
    ns.add(TableName.DEFAULT_NAMESPACE);
    namespaces = Collections.unmodifiableSet(ns);
  }

  static CatalogState empty() {
    return new CatalogState(Map.of(), Set.of());
  }

  TableDocument table(TableName name) {
    Entry e = tables.get(name.fqn());
    return e == null ? null : e.doc();
  }

  CatalogState with(TableDocument doc) {
    Map<String, Entry> t = new TreeMap<>(tables);
    t.put(doc.tableName().fqn(), new Entry(doc, null));
    Set<String> ns = new TreeSet<>(namespaces);
    ns.add(doc.namespace());
    return new CatalogState(t, ns);
  }

  CatalogState withEntry(String fqn, Entry entry) {
    Map<String, Entry> t = new TreeMap<>(tables);
    if (entry == null) {
      t.remove(fqn);
    } else {
      t.put(fqn, entry);
    }
    return new CatalogState(t, namespaces);
  }

  CatalogState without(TableName name) {
    return withEntry(name.fqn(), null);
  }

  CatalogState withNamespace(String namespace) {
    Set<String> ns = new TreeSet<>(namespaces);
    ns.add(namespace);
    return new CatalogState(tables, ns);
  }

  CatalogState withNamespaces(Set<String> all) {
    return new CatalogState(tables, all);
  }
}
