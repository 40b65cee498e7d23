package dev.outbound.runtime.binding.s3;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * An s3proxy server in this JVM, listening on 127.0.0.1 only and keeping its buckets in a directory,
 * which a test can stop and start again on the same port with the same objects. It checks AWS
 * signatures, so requests are signed as a real service needs.
 */
final class S3ProxyServer implements AutoCloseable {

  private static final String ACCESS_KEY_ID = "outbound-test";
  private static final String SECRET_ACCESS_KEY = "outbound-test-secret";

  private final BlobStore blobStore;
  private final AtomicInteger buckets = new AtomicInteger();
  private S3Proxy proxy;
  private int port;

  private S3ProxyServer(Path directory) {
    this.blobStore = new FilesystemNio2BlobStore(directory.toString());
  }

  /** Starts a server on a free port of 127.0.0.1 that keeps its buckets under {@code directory}. */
  static S3ProxyServer start(Path directory) throws Exception {
    S3ProxyServer server = new S3ProxyServer(directory);
    server.startOn(0);
    return server;
  }

  /** Stops the server; connections to its port are refused until {@link #restart()}. */
  void stop() throws Exception {
    proxy.stop();
  }

  /** Starts the server again on the port it had, with the objects it had. */
  void restart() throws Exception {
    startOn(port);
  }

  /** Creates a new, empty bucket and returns settings that reach it with static credentials. */
  S3BucketSettings newBucket() {
    String name = "bucket-" + buckets.incrementAndGet();
    blobStore.createContainer(name);
    return settings(name);
  }

  /** Returns settings that reach {@code bucket} on this server, which need not exist. */
  S3BucketSettings settings(String bucket) {
    return S3BucketSettings.of(bucket, "us-east-1")
        .withEndpoint(endpoint())
        .withPathStyle(true)
        .withCredentials(ACCESS_KEY_ID, SECRET_ACCESS_KEY);
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop s3proxy", e);
    } finally {
      blobStore.close();
    }
  }

  private void startOn(int requestedPort) throws Exception {
    proxy = S3Proxy.builder()
        .blobStore(blobStore)
        .endpoint(URI.create("http://127.0.0.1:" + requestedPort))
        .awsAuthentication(AuthenticationType.AWS_V4, ACCESS_KEY_ID, SECRET_ACCESS_KEY)
        // Tests stop the server mid-conversation on purpose; there is nothing to drain.
        .stopTimeout(0)
        .build();
    proxy.start();
    port = proxy.getPort();
  }
}
