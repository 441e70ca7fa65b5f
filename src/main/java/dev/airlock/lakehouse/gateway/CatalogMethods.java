package dev.airlock.lakehouse.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.lakehouse.Commit;
import dev.airlock.lakehouse.ErrorType;
import dev.airlock.lakehouse.Lakehouse;
import dev.airlock.lakehouse.LakehouseException;
import dev.airlock.lakehouse.Ref;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Branches, tags, merges, commits and {@code info}. The SDK's {@code if_exists}/{@code
 * if_not_exists} and {@code has_*} rules are applied here, so a swallowed error does not show up as
 * a failed call in the turn's events.
 */
final class CatalogMethods {
  private final Lakehouse lakehouse;
  private final WireFormat wire;
  private final ObjectMapper json;

  CatalogMethods(Lakehouse lakehouse, WireFormat wire, ObjectMapper json) {
    this.lakehouse = lakehouse;
    this.wire = wire;
    this.json = json;
  }

  void register(Map<String, GatewayMethod> methods) {
    methods.put("info", (p, c) -> info(c));
    methods.put("create_branch", this::createBranch);
    methods.put("delete_branch", this::deleteBranch);
    methods.put("has_branch", this::hasBranch);
    methods.put("get_branch", (p, c) -> refReply(lakehouse.branch(p.required("branch"))));
    methods.put("get_branches", this::getBranches);
    methods.put("merge_branch", this::mergeBranch);
    methods.put("create_tag", this::createTag);
    methods.put("get_tags", this::getTags);
    methods.put("get_tag", (p, c) -> refReply(tag(p.required("tag"))));
    methods.put("has_tag", this::hasTag);
    methods.put("get_commits", this::getCommits);
  }

  private Reply info(MethodContext context) {
    ObjectNode result = json.createObjectNode();
    ObjectNode user = result.putObject("user");
    user.put("id", context.username());
    user.put("username", context.username());
    user.putNull("first_name");
    user.putNull("last_name");
    user.put("full_name", context.username());
    ObjectNode org = result.putObject("organization");
    org.put("id", "local");
    org.put("name", "Airlock embedded lakehouse");
    org.put("slug", "airlock");
    result.putArray("runners").addObject().put("hostname", "localhost");
    result.put("client_version", "airlock");
    return new Reply(result, "user " + context.username());
  }

  private Reply createBranch(Params p, MethodContext c) {
    String branch = p.required("branch");
    String fromRef = p.required("from_ref");
    try {
      return refReply(lakehouse.createBranch(branch, fromRef));
    } catch (LakehouseException e) {
      if (p.flag("if_not_exists") && e.errorType() == ErrorType.BRANCH_EXISTS) {
        return refReply(lakehouse.branch(branch));
      }
      throw e;
    }
  }

  private Reply deleteBranch(Params p, MethodContext c) {
    String branch = p.required("branch");
    try {
      lakehouse.deleteBranch(branch);
      return new Reply(BooleanNode.TRUE, "deleted " + branch);
    } catch (LakehouseException e) {
      if (p.flag("if_exists") && e.errorType() == ErrorType.BRANCH_NOT_FOUND) {
        return new Reply(BooleanNode.FALSE, "no branch " + branch);
      }
      throw e;
    }
  }

  private Reply hasBranch(Params p, MethodContext c) {
    try {
      lakehouse.branch(p.required("branch"));
      return new Reply(BooleanNode.TRUE, "true");
    } catch (LakehouseException e) {
      if (Set.of(ErrorType.BRANCH_NOT_FOUND, ErrorType.NOT_A_BRANCH_REF).contains(e.errorType())) {
        return new Reply(BooleanNode.FALSE, "false");
      }
      throw e;
    }
  }

  private Reply getBranches(Params p, MethodContext c) {
    String user = p.optional("user");
    String zone = user == null ? null : ("~".equals(user) ? c.username() : user) + ".";
    Integer limit = p.count("limit");
    List<Ref> branches =
        lakehouse.branches(p.optional("name")).stream()
            .filter(b -> zone == null || b.name().startsWith(zone))
            .limit(limit == null ? Long.MAX_VALUE : limit)
            .toList();
    return new Reply(wire.refs(branches), branches.size() + " branches");
  }

  private Reply mergeBranch(Params p, MethodContext c) {
    String source = p.required("source_ref");
    String into = p.required("into_branch");
    String message = p.optional("commit_message");
    String body = p.optional("commit_body");
    if (body != null) {
      message = (message == null ? "Merge " + source + " into " + into : message) + "\n\n" + body;
    }
    var write = c.write(message, p.properties("commit_properties"));
    if (Lakehouse.MAIN.equals(into)) {
      c.gateWaiting().run();
    }
    return refReply(lakehouse.merge(source, into, write));
  }

  private Reply createTag(Params p, MethodContext c) {
    String tag = p.required("tag");
    String fromRef = p.required("from_ref");
    try {
      return refReply(lakehouse.createTag(tag, fromRef));
    } catch (LakehouseException e) {
      if (p.flag("if_not_exists") && e.errorType() == ErrorType.TAG_EXISTS) {
        return lakehouse.tags().stream()
            .filter(t -> t.name().equals(tag))
            .findFirst()
            .map(this::refReply)
            .orElseThrow(() -> e);
      }
      throw e;
    }
  }

  private Reply getTags(Params p, MethodContext c) {
    String filter = p.optional("filter_by_name");
    List<Ref> tags =
        lakehouse.tags().stream().filter(t -> filter == null || t.name().contains(filter)).toList();
    return new Reply(wire.refs(tags), tags.size() + " tags");
  }

  private Reply hasTag(Params p, MethodContext c) {
    try {
      tag(p.required("tag"));
      return new Reply(BooleanNode.TRUE, "true");
    } catch (LakehouseException e) {
      if (Set.of(ErrorType.TAG_NOT_FOUND, ErrorType.NOT_A_TAG_REF).contains(e.errorType())) {
        return new Reply(BooleanNode.FALSE, "false");
      }
      throw e;
    }
  }

  /** TAG_NOT_FOUND, or NOT_A_TAG_REF when the name is a branch. */
  private Ref tag(String name) {
    return lakehouse.tags().stream()
        .filter(t -> t.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                lakehouse.hasBranch(name)
                    ? new LakehouseException(
                        ErrorType.NOT_A_TAG_REF,
                        "'"
                            + name
                            + "' is a branch, not a"
                            + " tag: use get_branch, or list tags with get_tags.",
                        Map.of("input_ref", name))
                    : new LakehouseException(
                        ErrorType.TAG_NOT_FOUND,
                        "Tag '"
                            + name
                            + "' not found: list"
                            + " tags with get_tags, or create it with create_tag.",
                        Map.of("tag_name", name)));
  }

  private Reply getCommits(Params p, MethodContext c) {
    Ref ref = lakehouse.resolve(p.required("ref"));
    List<Commit> commits = lakehouse.commits(p.required("ref"), p.count("limit"));
    ArrayNode array = json.createArrayNode();
    commits.forEach(commit -> array.add(wire.commit(commit, ref)));
    return new Reply(array, commits.size() + " commits");
  }

  private Reply refReply(Ref ref) {
    return new Reply(wire.ref(ref), ref.type().name().toLowerCase() + " " + ref);
  }
}
