package dev.airlock.lakehouse;

/**
 * Every error the lakehouse reports, with Bauplan's wire {@code type} and HTTP status, so the
 * gateway maps each one 1:1 to a {@code bauplan.exceptions} class. The last three are not HTTP
 * errors in Bauplan: {@link #QUERY_FAILED} is {@code BauplanQueryError}, {@link #IMPORT_FAILED} a
 * failed import job state ({@code job_status="FAILED"}), {@link #TABLE_CREATE_FAILED} {@code
 * TableCreatePlanStatusError}.
 */
public enum ErrorType {
  BAD_REQUEST(400),
  INVALID_REF(400),
  NOT_A_BRANCH_REF(400),
  NOT_A_WRITE_BRANCH_REF(400),
  NOT_A_TAG_REF(400),
  SAME_REF(400),
  FORBIDDEN(403),
  CREATE_NAMESPACE_FORBIDDEN(403),
  DELETE_BRANCH_FORBIDDEN(403),
  DELETE_TABLE_FORBIDDEN(403),
  REVERT_TABLE_FORBIDDEN(403),
  MERGE_FORBIDDEN(403),
  TABLE_NOT_FOUND(404),
  NAMESPACE_NOT_FOUND(404),
  BRANCH_NOT_FOUND(404),
  REF_NOT_FOUND(404),
  TAG_NOT_FOUND(404),
  BRANCH_EXISTS(409),
  TABLE_EXISTS(409),
  TAG_EXISTS(409),
  NAMESPACE_EXISTS(409),
  BRANCH_HEAD_CHANGED(409),
  MERGE_CONFLICT(409),
  NAMESPACE_IS_NOT_EMPTY(409),
  REVERT_DESTINATION_TABLE_EXISTS(409),
  REVERT_IDENTICAL_TABLE(409),
  NAMESPACE_UNRESOLVED(409),
  INTERNAL_ERROR(500),
  QUERY_FAILED(400),
  IMPORT_FAILED(400),
  TABLE_CREATE_FAILED(400);

  private final int status;

  ErrorType(int status) {
    this.status = status;
  }

  /** The HTTP-like status code Bauplan answers with. */
  public int status() {
    return status;
  }

  /** The wire type string, e.g. {@code "TABLE_NOT_FOUND"}. */
  public String wire() {
    return name();
  }
}
