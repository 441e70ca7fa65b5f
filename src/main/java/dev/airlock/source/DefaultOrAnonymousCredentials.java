package dev.airlock.source;

import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The given chain when it finds credentials; otherwise anonymous (unsigned) requests, which is what
 * public buckets accept. Decided once, at the first request.
 */
final class DefaultOrAnonymousCredentials implements AwsCredentialsProvider {
  private final AwsCredentialsProvider primary;
  private volatile AwsCredentialsProvider chosen;

  DefaultOrAnonymousCredentials(AwsCredentialsProvider primary) {
    this.primary = primary;
  }

  @Override
  public AwsCredentials resolveCredentials() {
    return choose().resolveCredentials();
  }

  /** True when no credentials were found and requests go out unsigned. */
  boolean anonymous() {
    return choose() != primary;
  }

  private AwsCredentialsProvider choose() {
    AwsCredentialsProvider current = chosen;
    if (current == null) {
      try {
        primary.resolveCredentials();
        current = primary;
      } catch (SdkClientException e) {
        current = AnonymousCredentialsProvider.create();
      }
      chosen = current;
    }
    return current;
  }
}
