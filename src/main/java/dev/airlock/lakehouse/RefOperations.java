package dev.airlock.lakehouse;

import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;

/** The lakehouse's branches, tags and namespaces: created, deleted, listed, resolved. */
final class RefOperations {
  private final GitCatalog catalog;
  private final Branches branches;
  private final RefReads reads;
  private final Operations ops;

  RefOperations(GitCatalog catalog, Branches branches, RefReads reads, Operations ops) {
    this.catalog = catalog;
    this.branches = branches;
    this.reads = reads;
    this.ops = ops;
  }

  Ref createBranch(String branch, String fromRef) {
    return ops.run(
        new Op("create_branch", branch, null, null),
        op -> {
          RefName name = RefName.parse(branch, "branch");
          Branches.Resolved from = branches.resolve(RefSpec.parse(fromRef));
          branches.create(name, from.id());
          op.after = from.id().name();
          return Ref.branch(branch, from.id().name());
        });
  }

  void deleteBranch(String branch) {
    ops.run(
        new Op("delete_branch", branch, null, null),
        op -> {
          RefName name = Operations.writeTarget(branch);
          if (name.isMain()) {
            throw new LakehouseException(
                ErrorType.DELETE_BRANCH_FORBIDDEN,
                "Branch main cannot be deleted.",
                Map.of("branch_name", branch));
          }
          ObjectId head = branches.head(name);
          op.before = head.name();
          if (!catalog.deleteBranch(name, head)) {
            throw Branches.headChanged(name);
          }
          return null;
        });
  }

  List<Ref> branches(String nameFilter) {
    return ops.run(
        new Op("get_branches", null, null, null),
        op ->
            catalog.refs(Ref.Type.BRANCH).stream()
                .filter(r -> nameFilter == null || r.name().contains(nameFilter))
                .toList());
  }

  Ref branch(String branch) {
    return ops.run(
        new Op("get_branch", branch, null, null),
        op ->
            Ref.branch(
                branch,
                branches
                    .head(
                        Operations.branchArg(branch, ErrorType.NOT_A_BRANCH_REF),
                        ErrorType.NOT_A_BRANCH_REF)
                    .name()));
  }

  Ref resolve(String ref) {
    return ops.run(
        new Op("get_ref", ref, null, null), op -> branches.resolve(RefSpec.parse(ref)).ref());
  }

  Ref createTag(String tag, String fromRef) {
    return ops.run(
        new Op("create_tag", tag, null, null),
        op -> {
          RefName name = RefName.parse(tag, "tag");
          Branches.Resolved from = branches.resolve(RefSpec.parse(fromRef));
          branches.tag(name, from.id());
          return Ref.tag(tag, from.id().name());
        });
  }

  List<Ref> tags() {
    return ops.run(new Op("get_tags", null, null, null), op -> catalog.refs(Ref.Type.TAG));
  }

  // ---- namespaces

  Ref createNamespace(String namespace, String branch, WriteContext context) {
    return ops.write(
            new Op("create_namespace", branch, null, context),
            op -> {
              new TableName(namespace, "x");
              RefName target = Operations.writeTarget(branch);
              branches.writable(
                  target, ErrorType.CREATE_NAMESPACE_FORBIDDEN, "create namespace " + namespace);
              return branches.commit(
                  target,
                  context,
                  "Create namespace " + namespace,
                  state -> {
                    if (state.namespaces().contains(namespace)) {
                      throw new LakehouseException(
                          ErrorType.NAMESPACE_EXISTS,
                          "Namespace " + namespace + " already exists on " + branch + ".",
                          Map.of("namespace_name", namespace, "catalog_ref", branch));
                    }
                    return state.withNamespace(namespace);
                  });
            })
        .head();
  }

  List<String> namespaces(String ref) {
    return ops.run(
        new Op("get_namespaces", ref, null, null),
        op -> List.copyOf(reads.state(ref).namespaces()));
  }
}
