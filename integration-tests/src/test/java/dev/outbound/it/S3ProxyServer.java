package dev.outbound.it;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * An s3proxy server in the test JVM on 127.0.0.1, keeping one bucket in a directory; it checks AWS
 * signatures, and can be stopped and started again on the same port with the same objects.
 */
final class S3ProxyServer implements AutoCloseable {

  static final String BUCKET = "outbound-it";
  static final String ACCESS_KEY_ID = "outbound-it";
  static final String SECRET_ACCESS_KEY = "outbound-it-secret";

  private final BlobStore blobStore;
  private S3Proxy proxy;
  private int port;

  private S3ProxyServer(Path directory) {
    this.blobStore = new FilesystemNio2BlobStore(directory.toString());
  }

  /** Starts a server on a free port with an empty bucket {@link #BUCKET} under {@code directory}. */
  static S3ProxyServer start(Path directory) throws Exception {
    S3ProxyServer server = new S3ProxyServer(Files.createDirectories(directory));
    server.blobStore.createContainer(BUCKET);
    server.startOn(0);
    return server;
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Stops the server; connections to its port are refused until {@link #restart()}. */
  void stop() throws Exception {
    proxy.stop();
  }

  /** Starts the server again on the port it had, with the objects it had. */
  void restart() throws Exception {
    startOn(port);
  }

  @Override
  public void close() throws Exception {
    try {
      proxy.stop();
    } finally {
      blobStore.close();
    }
  }

  private void startOn(int requestedPort) throws Exception {
    proxy = S3Proxy.builder()
        .blobStore(blobStore)
        .endpoint(URI.create("http://127.0.0.1:" + requestedPort))
        .awsAuthentication(AuthenticationType.AWS_V4, ACCESS_KEY_ID, SECRET_ACCESS_KEY)
        // Tests stop the server on purpose; there is nothing to drain.
        .stopTimeout(0)
        .build();
    proxy.start();
    port = proxy.getPort();
  }
}
