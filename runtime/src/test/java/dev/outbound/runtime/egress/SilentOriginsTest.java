package dev.outbound.runtime.egress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The read watchdog, over a real loopback connection whose far end the test controls. */
class SilentOriginsTest {

  private final SilentOrigins silentOrigins = new SilentOrigins(Duration.ofMillis(500));
  private ServerSocket listener;
  private Socket proxySide;
  private Socket originSide;

  @BeforeEach
  void connect() throws IOException {
    listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    proxySide = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
    originSide = listener.accept();
  }

  @AfterEach
  void close() throws IOException {
    silentOrigins.close();
    originSide.close();
    proxySide.close();
    listener.close();
  }

  @Test
  void endsAReadThatWaitsPastTheLimitByClosingItsConnection() throws IOException {
    OriginInput input = new OriginInput(proxySide.getInputStream(), proxySide, 64);
    silentOrigins.watch(input);

    assertTimeoutPreemptively(
        Duration.ofSeconds(10), () -> assertThrows(SocketTimeoutException.class, input::read));
    assertTrue(proxySide.isClosed());
  }

  @Test
  void leavesAReadThatGetsItsBytesInTimeAlone() throws IOException {
    OriginInput input = new OriginInput(proxySide.getInputStream(), proxySide, 64);
    silentOrigins.watch(input);
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                Thread.sleep(50);
                originSide.getOutputStream().write('x');
              } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
              }
            });

    assertEquals('x', input.read());
    assertFalse(proxySide.isClosed());
  }

  @Test
  void doesNotKeepAConnectionDroppedWithoutBeingClosed() throws InterruptedException {
    OriginInput input = new OriginInput(InputStream.nullInputStream(), () -> {}, 64);
    silentOrigins.watch(input);
    WeakReference<OriginInput> dropped = new WeakReference<>(input);
    input = null;

    for (int i = 0; i < 50 && dropped.get() != null; i++) {
      System.gc();
      Thread.sleep(20);
    }

    assertNull(dropped.get());
  }
}
