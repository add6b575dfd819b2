package dev.rapport.crm.examples.web;

import static com.google.common.base.Preconditions.checkArgument;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.rapport.crm.examples.links.LinkSigner;
import dev.rapport.crm.examples.links.SignedLinks;
import dev.rapport.crm.examples.preferences.PreferenceCenter;
import dev.rapport.crm.store.LedgerStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The sender's web endpoints on the JDK's HTTPS server ({@code com.sun.net.httpserver}), bound
 * to the loopback interface on a free port, with a local certificate ({@link LocalTls}): the one-click unsubscribe endpoint at {@value
 * SignedLinks#UNSUBSCRIBE_PATH} and the preference page at {@value
 * SignedLinks#PREFERENCES_PATH}. Both write to {@code store}; both take the time from {@code
 * clock}.
 *
 * <pre>{@code
 * try (RapportWebServer web = RapportWebServer.start(store, signer, "prefs-v3", Clock.systemUTC(), LocalTls.create())) {
 *   SignedLinks links = web.links();
 *   ...
 * }
 * }</pre>
 */
public final class RapportWebServer implements AutoCloseable {
  private final HttpsServer server;
  private final ExecutorService executor;
  private final SignedLinks links;

  private RapportWebServer(HttpsServer server, ExecutorService executor, SignedLinks links) {
    this.server = server;
    this.executor = executor;
    this.links = links;
  }

  /**
   * Starts the endpoints on {@code 127.0.0.1} on a free port.
   *
   * @param store where the ledgers are
   * @param signer checks the links' tokens (the same key the mails were sent with)
   * @param notice the notice the preference page shows, such as {@code prefs-v3}
   * @param clock the time of every check and event
   * @param tls the certificate to serve HTTPS with
   */
  public static RapportWebServer start(
      LedgerStore store, LinkSigner signer, String notice, Clock clock, LocalTls tls) throws IOException {
    checkArgument(!notice.isBlank(), "the preference page must name the notice it shows");
    HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()));
    ExecutorService executor = Executors.newFixedThreadPool(4);
    server.setExecutor(executor);
    PreferenceCenter center = new PreferenceCenter(store, notice);
    server.createContext(SignedLinks.UNSUBSCRIBE_PATH, new UnsubscribeEndpoint(store, center, signer, clock));
    server.createContext(SignedLinks.PREFERENCES_PATH, new PreferencePage(store, center, signer, clock));
    server.start();
    String base = "https://127.0.0.1:" + server.getAddress().getPort();
    return new RapportWebServer(server, executor, new SignedLinks(base, signer));
  }

  /** The links to these endpoints, such as {@code https://127.0.0.1:PORT/unsubscribe?t=...}. */
  public SignedLinks links() {
    return links;
  }

  /** The port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops the server, letting requests under way finish for up to a second. */
  @Override
  public void close() {
    server.stop(1);
    executor.shutdown();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
