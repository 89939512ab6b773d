package dev.rolegraph.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Runs Neo4j Community embedded, with Bolt on 127.0.0.1 only and authentication off.
 *
 * <p>Usage: {@code LocalNeo4j <home-dir> <bolt-port> <page-cache-bytes> <tx-timeout-seconds>}.
 *
 * <p>Contract with the Node launcher (src/neo4j/local/): one line {@code READY <port>} on standard
 * output once Bolt accepts connections. Standard input is the lifeline: when it closes (the
 * parent exited, however it died) the database shuts down cleanly and the JVM exits, so no
 * orphan survives its parent. SIGTERM and SIGINT shut down the same way.
 */
public final class LocalNeo4j {
  private LocalNeo4j() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println(
          "usage: LocalNeo4j <home-dir> <bolt-port> <page-cache-bytes> <tx-timeout-seconds>");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    long pageCache = Long.parseLong(args[2]);
    long txTimeoutSeconds = Long.parseLong(args[3]);

    DatabaseManagementService service =
        new DatabaseManagementServiceBuilder(home)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            // Stop in about a second rather than the five a server waits for its clients.
            .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
            .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
            .setConfig(HttpConnector.enabled, false)
            .setConfig(HttpsConnector.enabled, false)
            .setConfig(GraphDatabaseSettings.auth_enabled, false)
            .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
            .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
            // A server-side ceiling; the API sets tighter per-transaction timeouts.
            .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeoutSeconds))
            .setConfig(GraphDatabaseSettings.udc_enabled, false)
            .setConfig(GraphDatabaseInternalSettings.udc_network_enabled, false)
            .build();

    AtomicBoolean stopped = new AtomicBoolean(false);
    Runnable stop =
        () -> {
          if (stopped.compareAndSet(false, true)) {
            service.shutdown();
          }
        };
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "neo4j-shutdown"));

    // Touch the default database so that READY means queries will be answered.
    service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
    System.out.println("READY " + port);
    System.out.flush();

    waitForEndOfInput(System.in);
    System.exit(0); // runs the shutdown hook
  }

  private static void waitForEndOfInput(InputStream in) {
    byte[] buffer = new byte[256];
    try {
      while (in.read(buffer) >= 0) {
        // Input is ignored; only its end matters.
      }
    } catch (IOException ignored) {
      // A broken pipe means the parent is gone, the same as end of input.
    }
  }
}
