package dev.airlock.source;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Turns SDK failures into messages that name the location and the next step. */
final class S3Errors {
  private final String where;
  private final boolean anonymous;

  /**
   * @param where the store, for messages: "AWS (region eu-west-1)" or the endpoint
   * @param anonymous whether requests went out unsigned for lack of credentials
   */
  S3Errors(String where, boolean anonymous) {
    this.where = where;
    this.anonymous = anonymous;
  }

  SourceException translate(SdkException e, String uri, String bucket) {
    if (e instanceof S3Exception s3) {
      return fromService(s3, uri, bucket);
    }
    if (e instanceof SdkClientException) {
      return new SourceException(
          "Could not reach S3 at "
              + where
              + " to read "
              + uri
              + " ("
              + e.getMessage()
              + "): check the network, AWS_REGION and "
              + S3Settings.ENDPOINT_VARIABLE
              + ".",
          e);
    }
    return new SourceException("Reading " + uri + " failed: " + e.getMessage(), e);
  }

  private SourceException fromService(S3Exception e, String uri, String bucket) {
    String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
    code = code == null ? "" : code;
    int status = e.statusCode();
    String message;
    if (code.equals("NoSuchBucket")) {
      message =
          "S3 bucket '"
              + bucket
              + "' does not exist at "
              + where
              + " (reading "
              + uri
              + "): check the bucket name, AWS_REGION and "
              + S3Settings.ENDPOINT_VARIABLE
              + ".";
    } else if (code.equals("NoSuchKey") || status == 404) {
      message =
          "No S3 object at "
              + uri
              + ": check the key (keys are case-sensitive), or use a"
              + " glob such as s3://"
              + bucket
              + "/PREFIX/*.csv to match several objects.";
    } else if (status == 403 || code.equals("AccessDenied")) {
      message =
          "Access denied to "
              + uri
              + " ("
              + (code.isEmpty() ? "HTTP 403" : code)
              + ")"
              + (anonymous ? "; no AWS credentials were found, so the request was anonymous" : "")
              + ": set AWS_PROFILE / AWS_ACCESS_KEY_ID or check the bucket policy.";
    } else if (status == 301
        || code.equals("PermanentRedirect")
        || code.equals("AuthorizationHeaderMalformed")) {
      message =
          "S3 bucket '"
              + bucket
              + "' is in another region than "
              + where
              + " (reading "
              + uri
              + "): set AWS_REGION to the bucket's region.";
    } else {
      message =
          "S3 refused "
              + uri
              + " ("
              + (code.isEmpty() ? "" : code + ", ")
              + "HTTP "
              + status
              + "): "
              + messageOf(e);
    }
    return new SourceException(message, e);
  }

  private static String messageOf(S3Exception e) {
    return e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
        ? e.awsErrorDetails().errorMessage()
        : e.getMessage();
  }
}
