package org.govgraph.neo4j;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * govgraph's local Neo4j server: the embedded Neo4j 5.26 Community DBMS with its Bolt
 * connector on a loopback address, kept alive until the JVM gets SIGTERM (or SIGINT).
 *
 * <p>Usage: {@code java -Xmx1g -cp classes:lib/* org.govgraph.neo4j.GovgraphNeo4j DATA_DIR HOST PORT [PAGE_CACHE]}
 *
 * <ul>
 *   <li>DATA_DIR is the DBMS home: store files go to DATA_DIR/data, Neo4j's own debug log to
 *       DATA_DIR/logs/debug.log. Whoever starts this process sends stdout and stderr to a log file
 *       there too (src/neo4j/server.ts uses DATA_DIR/govgraph-neo4j.log).
 *   <li>HOST must be a loopback address (127.0.0.1): authentication is DISABLED, which is only
 *       acceptable for a single-user development server that nothing off the machine can reach.
 *       Any credentials a driver sends are accepted.
 *   <li>PAGE_CACHE defaults to 512m; the heap is whatever -Xmx the caller passes.
 * </ul>
 *
 * <p>Prints exactly one line {@code GOVGRAPH_NEO4J_READY bolt://HOST:PORT} once the default
 * database accepts queries; exits non-zero if the DBMS cannot start.
 */
public final class GovgraphNeo4j {
    /** The line the Node side waits for; keep in sync with src/neo4j/server.ts. */
    private static final String READY = "GOVGRAPH_NEO4J_READY";

    private GovgraphNeo4j() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: GovgraphNeo4j DATA_DIR HOST PORT [PAGE_CACHE]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        String host = args[1];
        int port = Integer.parseInt(args[2]);
        long pageCache = ByteUnit.parse(args.length > 3 ? args[3] : "512m");

        // Auth is off, so refuse to listen anywhere but on loopback.
        if (!InetAddress.getByName(host).isLoopbackAddress()) {
            System.err.println("refusing to bind " + host + ": only loopback addresses are allowed (auth is disabled)");
            System.exit(2);
        }
        Files.createDirectories(home);

        DatabaseManagementService managementService = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(host, port))
                // Bolt waits 5 s + 5 s for idle connections and worker threads on shutdown by default;
                // a local dev server has nothing to drain, so stop in about a second instead.
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                .setConfig(GraphDatabaseSettings.logs_directory, home.resolve("logs"))
                .setConfig(GraphDatabaseSettings.udc_enabled, false) // no usage-data reporting
                // Neo4j's user-facing log (what a server writes to neo4j.log) goes to stdout.
                .setUserLogProvider(new Log4jLogProvider(System.out, Level.INFO))
                .build();

        // SIGTERM/SIGINT run the JVM's shutdown hooks: close the DBMS cleanly (flush, unlock the store),
        // then let main() return.
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("govgraph-neo4j: shutting down");
            try {
                managementService.shutdown();
            } finally {
                System.out.println("govgraph-neo4j: stopped");
                System.out.flush();
                stopped.countDown();
            }
        }, "govgraph-neo4j-shutdown"));

        // build() has started the DBMS and the Bolt connector; wait until the default database answers.
        GraphDatabaseService db = managementService.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(120_000)) {
            System.err.println("govgraph-neo4j: default database not available after 120 s");
            System.exit(1);
        }
        System.out.println(READY + " bolt://" + host + ":" + port);
        System.out.flush();
        stopped.await();
    }
}
