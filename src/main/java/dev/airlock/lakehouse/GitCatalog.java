package dev.airlock.lakehouse;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The catalog: a bare Git repository. Trees hold {@code tables/<ns>/<name>.json} and {@code
 * namespaces/<ns>.json}; branches are {@code refs/heads/*}, tags {@code refs/tags/*}. Commit
 * properties ride in the message's last line ({@value #PROPERTIES_TRAILER} + one-line JSON). Every
 * ref change is a compare-and-swap on the expected old id. Refs are named only by {@link RefName}
 * and {@link CommitHash}, checked before they get here: a ref's file path is never built from a
 * string that could name another ref.
 */
final class GitCatalog implements AutoCloseable {
  static final String PROPERTIES_TRAILER = "Airlock-Properties: ";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] NAMESPACE_DOC =
      "{\"format_version\":1}\n".getBytes(StandardCharsets.UTF_8);

  private final Repository repo;

  /**
   * Table documents by blob id, read last first, holding at most {@link #docFilesKept} data files
   * in all. Every import adds a version of its table's document one file longer and the next read
   * caches it, so unbounded, n imports into one table held n²/2 files (2,000 imports by the agent's
   * code: two million, hundreds of MB of the console's heap).
   */
  private final LinkedHashMap<ObjectId, TableDocument> docCache =
      new LinkedHashMap<>(64, 0.75f, true);

  private final long docFilesKept;
  private long docFiles;

  /** The data files the document cache holds at most by default (about 100 MB of documents). */
  static final long DOC_FILES_KEPT = 500_000;

  /** The states of the commits read last (queries and writes read the same few heads). */
  private final Map<ObjectId, CatalogState> stateCache =
      new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ObjectId, CatalogState> eldest) {
          return size() > STATES_KEPT;
        }
      };

  private static final int STATES_KEPT = 64;

  GitCatalog(Path dir) {
    this(dir, DOC_FILES_KEPT);
  }

  /** A catalog whose document cache holds at most {@code docFilesKept} data files. */
  GitCatalog(Path dir, long docFilesKept) {
    this.docFilesKept = docFilesKept;
    try {
      boolean fresh = !Files.exists(dir.resolve("HEAD"));
      CatalogGitConfig.install();
      repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
      if (fresh) {
        repo.create(true);
        repo.getConfig().setBoolean("core", null, "logallrefupdates", false);
        repo.getConfig().save();
        RefUpdate head = repo.updateRef(Constants.HEAD);
        head.link(RefName.MAIN.branchRef());
      }
      if (branchHead(RefName.MAIN) == null) {
        ObjectId first =
            writeCommit(
                CatalogState.empty(),
                List.of(),
                WriteContext.user("airlock"),
                "Initialize the lakehouse");
        casBranch(RefName.MAIN, ObjectId.zeroId(), first);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the catalog at " + dir, e);
    }
  }

  ObjectId branchHead(RefName name) throws IOException {
    return target(name.branchRef());
  }

  ObjectId tagTarget(RefName name) throws IOException {
    return target(name.tagRef());
  }

  private ObjectId target(String refName) throws IOException {
    org.eclipse.jgit.lib.Ref r = repo.exactRef(refName);
    return r == null ? null : r.getObjectId();
  }

  /** Every branch ({@code BRANCH}) or tag ({@code TAG}), sorted by name. */
  List<Ref> refs(Ref.Type type) throws IOException {
    String prefix = type == Ref.Type.TAG ? Constants.R_TAGS : Constants.R_HEADS;
    List<Ref> out = new ArrayList<>();
    for (org.eclipse.jgit.lib.Ref r : repo.getRefDatabase().getRefsByPrefix(prefix)) {
      out.add(new Ref(r.getName().substring(prefix.length()), r.getObjectId().name(), type));
    }
    out.sort(Comparator.comparing(Ref::name));
    return out;
  }

  /** The commit a full or abbreviated hash names, or null. */
  /** The commit a (possibly abbreviated) hash names; null if none; INVALID_REF if several. */
  ObjectId commitId(CommitHash hash) throws IOException {
    try {
      return repo.resolve(hash.hex() + "^{commit}");
    } catch (AmbiguousObjectException e) {
      throw new LakehouseException(
          ErrorType.INVALID_REF,
          "Commit '"
              + hash.hex()
              + "' is"
              + " ambiguous: several objects start with it; give more of the hash.",
          Map.of("input_ref", hash.hex()));
    }
  }

  /** Swaps a branch from {@code expected} (zeroId: must not exist) to {@code next}. */
  boolean casBranch(RefName branch, ObjectId expected, ObjectId next) throws IOException {
    return casRef(branch.branchRef(), expected, next);
  }

  /** Creates a tag at {@code target}; false when it exists. */
  boolean createTag(RefName tag, ObjectId target) throws IOException {
    return casRef(tag.tagRef(), ObjectId.zeroId(), target);
  }

  private boolean casRef(String refName, ObjectId expected, ObjectId next) throws IOException {
    RefUpdate u = repo.updateRef(refName);
    u.setExpectedOldObjectId(expected);
    u.setNewObjectId(next);
    u.setForceUpdate(true);
    RefUpdate.Result r = u.update();
    return switch (r) {
      case NEW, FORCED, FAST_FORWARD, NO_CHANGE -> true;
      default -> false;
    };
  }

  boolean deleteBranch(RefName branch, ObjectId expected) throws IOException {
    RefUpdate u = repo.updateRef(branch.branchRef());
    u.setExpectedOldObjectId(expected);
    u.setForceUpdate(true);
    RefUpdate.Result r = u.delete();
    return r == RefUpdate.Result.FORCED || r == RefUpdate.Result.FAST_FORWARD;
  }

  /** The catalog as commit {@code commitId} holds it; a commit never changes, so it is cached. */
  CatalogState read(ObjectId commitId) throws IOException {
    ObjectId key = commitId.copy();
    synchronized (stateCache) {
      CatalogState cached = stateCache.get(key);
      if (cached != null) {
        return cached;
      }
    }
    CatalogState state = readTree(key);
    synchronized (stateCache) {
      stateCache.put(key, state);
    }
    return state;
  }

  private CatalogState readTree(ObjectId commitId) throws IOException {
    Map<String, CatalogState.Entry> tables = new TreeMap<>();
    Set<String> namespaces = new TreeSet<>();
    try (RevWalk walk = new RevWalk(repo);
        TreeWalk tw = new TreeWalk(repo)) {
      RevCommit c = walk.parseCommit(commitId);
      tw.addTree(c.getTree());
      tw.setRecursive(true);
      ObjectReader reader = tw.getObjectReader();
      while (tw.next()) {
        String path = tw.getPathString();
        if (path.startsWith("namespaces/") && path.endsWith(".json")) {
          namespaces.add(path.substring("namespaces/".length(), path.length() - 5));
        } else if (path.startsWith("tables/") && path.endsWith(".json")) {
          ObjectId blob = tw.getObjectId(0);
          TableDocument doc = doc(reader, blob);
          tables.put(doc.tableName().fqn(), new CatalogState.Entry(doc, blob));
        }
      }
    }
    return new CatalogState(tables, namespaces);
  }

  /** The document of blob {@code blob}, from the cache when it holds it. */
  private TableDocument doc(ObjectReader reader, ObjectId blob) {
    synchronized (docCache) {
      TableDocument cached = docCache.get(blob);
      if (cached != null) {
        return cached;
      }
    }
    TableDocument doc = loadDoc(reader, blob);
    synchronized (docCache) {
      TableDocument replaced = docCache.put(blob.copy(), doc);
      docFiles += files(doc) - (replaced == null ? 0 : files(replaced));
      Iterator<TableDocument> eldest = docCache.values().iterator();
      while (docFiles > docFilesKept && eldest.hasNext()) {
        docFiles -= files(eldest.next());
        eldest.remove();
      }
    }
    return doc;
  }

  private static long files(TableDocument doc) {
    return 1L + doc.dataFiles().size();
  }

  /** The data files (plus one per document) the document cache holds. */
  long docCacheFiles() {
    synchronized (docCache) {
      return docFiles;
    }
  }

  private static TableDocument loadDoc(ObjectReader reader, ObjectId id) {
    try {
      return TableDocument.fromBytes(reader.open(id).getBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the state's tree and a commit on {@code parents}; moves no ref. */
  ObjectId writeCommit(CatalogState state, List<ObjectId> parents, WriteContext ctx, String message)
      throws IOException {
    try (ObjectInserter ins = repo.newObjectInserter()) {
      TreeFormatter root = new TreeFormatter();
      TreeFormatter nsTree = new TreeFormatter();
      ObjectId nsBlob = ins.insert(Constants.OBJ_BLOB, NAMESPACE_DOC);
      for (String ns : state.namespaces()) {
        nsTree.append(ns + ".json", FileMode.REGULAR_FILE, nsBlob);
      }
      root.append("namespaces", FileMode.TREE, ins.insert(nsTree));
      if (!state.tables().isEmpty()) {
        root.append("tables", FileMode.TREE, insertTables(ins, state));
      }
      CommitBuilder cb = new CommitBuilder();
      cb.setTreeId(ins.insert(root));
      cb.setParentIds(parents);
      PersonIdent who = new PersonIdent(ctx.author(), ctx.author() + "@airlock.local");
      cb.setAuthor(who);
      cb.setCommitter(who);
      cb.setMessage(withProperties(message, ctx.commitProperties()));
      ObjectId id = ins.insert(cb);
      ins.flush();
      return id;
    }
  }

  private ObjectId insertTables(ObjectInserter ins, CatalogState state) throws IOException {
    Map<String, TreeFormatter> byNamespace = new TreeMap<>();
    for (CatalogState.Entry e : state.tables().values()) {
      TableDocument doc = e.doc();
      ObjectId blob =
          e.blobId() != null ? e.blobId() : ins.insert(Constants.OBJ_BLOB, doc.toBytes());
      byNamespace
          .computeIfAbsent(doc.namespace(), k -> new TreeFormatter())
          .append(doc.name() + ".json", FileMode.REGULAR_FILE, blob);
    }
    TreeFormatter tables = new TreeFormatter();
    for (Map.Entry<String, TreeFormatter> ns : byNamespace.entrySet()) {
      tables.append(ns.getKey(), FileMode.TREE, ins.insert(ns.getValue()));
    }
    return ins.insert(tables);
  }

  private static String withProperties(String message, Map<String, String> props)
      throws IOException {
    if (props.isEmpty()) {
      return message;
    }
    return message + "\n\n" + PROPERTIES_TRAILER + JSON.writeValueAsString(new TreeMap<>(props));
  }

  List<Commit> log(ObjectId start, Integer limit) throws IOException {
    List<Commit> out = new ArrayList<>();
    try (RevWalk walk = new RevWalk(repo)) {
      walk.markStart(walk.parseCommit(start));
      for (RevCommit c : walk) {
        if (limit != null && out.size() >= limit) {
          break;
        }
        out.add(toCommit(c));
      }
    }
    return out;
  }

  private static Commit toCommit(RevCommit c) throws IOException {
    String full = c.getFullMessage();
    Map<String, String> props = new LinkedHashMap<>();
    int at = full.lastIndexOf("\n\n" + PROPERTIES_TRAILER);
    String message = full;
    if (at >= 0) {
      String json = full.substring(at + 2 + PROPERTIES_TRAILER.length()).trim();
      props.putAll(JSON.readValue(json, new TypeReference<HashMap<String, String>>() {}));
      message = full.substring(0, at);
    }
    List<String> parents = new ArrayList<>();
    for (RevCommit p : c.getParents()) {
      parents.add(p.name());
    }
    return new Commit(
        c.name(),
        message,
        c.getAuthorIdent().getName(),
        Instant.ofEpochSecond(c.getCommitTime()),
        props,
        parents);
  }

  /** Whether {@code ancestor} is reachable from {@code tip} (or is it). */
  boolean isAncestor(ObjectId ancestor, ObjectId tip) throws IOException {
    try (RevWalk walk = new RevWalk(repo)) {
      return walk.isMergedInto(walk.parseCommit(ancestor), walk.parseCommit(tip));
    }
  }

  /**
   * The newest commit on {@code tip}'s first-parent line (the commits the branch took itself, not
   * those merged into it) after {@code since} that matches.
   */
  Commit findSince(ObjectId tip, ObjectId since, Predicate<Commit> match) throws IOException {
    try (RevWalk walk = new RevWalk(repo)) {
      walk.setFirstParent(true);
      walk.markStart(walk.parseCommit(tip));
      walk.markUninteresting(walk.parseCommit(since));
      for (RevCommit c : walk) {
        Commit commit = toCommit(c);
        if (match.test(commit)) {
          return commit;
        }
      }
    }
    return null;
  }

  /** The merge base of two commits, or null when they share no history. */
  ObjectId mergeBase(ObjectId a, ObjectId b) throws IOException {
    try (RevWalk walk = new RevWalk(repo)) {
      walk.setRevFilter(RevFilter.MERGE_BASE);
      walk.markStart(walk.parseCommit(a));
      walk.markStart(walk.parseCommit(b));
      RevCommit base = walk.next();
      return base == null ? null : base.copy();
    }
  }

  @Override
  public void close() {
    repo.close();
  }
}
