package dev.vai.devbroker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kafka node (broker and controller, KRaft) listening on {@code localhost:port}, its controller on
 * {@code port + 1}, its data in a directory that survives restarts (formatted once, with a fixed cluster id).
 *
 * <p>Kafka calls {@code Exit.halt} or {@code Exit.exit} when it meets a fatal error; here those are turned into log
 * lines, so that a broker fault can never stop the JVM it shares with the service.
 */
public final class DevKafkaBroker implements AutoCloseable {

    /** Fixed, so that the same data directory is accepted after a restart. */
    static final String CLUSTER_ID = "dmFpLWRldi1icm9rZXIx";
    private static final Logger log = LoggerFactory.getLogger(DevKafkaBroker.class);

    private final int port;
    private final Path dataDir;
    private KafkaRaftServer server;

    private DevKafkaBroker(int port, Path dataDir) {
        this.port = port;
        this.dataDir = dataDir.toAbsolutePath();
    }

    /** Formats the directory if it is new and starts the node; about two seconds. */
    public static DevKafkaBroker start(int port, Path dataDir) {
        DevKafkaBroker broker = new DevKafkaBroker(port, dataDir);
        broker.startup();
        return broker;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    private void startup() {
        neverLeaveTheJvm();
        try {
            Files.createDirectories(dataDir);
            Properties properties = properties();
            Path config = dataDir.resolve("server.properties");
            try (Writer writer = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
                properties.store(writer, "dev-mode broker; rewritten at every start");
            }
            int formatted = StorageTool.execute(new String[] {"format", "-t", CLUSTER_ID, "-c", config.toString(),
                    "--ignore-formatted"}, new PrintStream(OutputStream.nullOutputStream()));
            if (formatted != 0) {
                throw new IllegalStateException("Could not format the broker's storage in " + dataDir);
            }
            server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
            server.startup();
            log.info("Kafka broker (KRaft) listening on {}, data in {}", bootstrapServers(), dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@localhost:" + (port + 1));
        p.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + (port + 1));
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dataDir.resolve("logs").toString());
        p.put("num.partitions", "3");
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        // dev data stays small: a week, or 256 MiB per partition
        p.put("log.retention.hours", "168");
        p.put("log.retention.bytes", String.valueOf(256L * 1024 * 1024));
        p.put("log.segment.bytes", String.valueOf(32 * 1024 * 1024));
        return p;
    }

    private static void neverLeaveTheJvm() {
        Exit.setExitProcedure((status, message) ->
                log.error("The dev Kafka broker asked the JVM to exit ({}): {}; ignored", status, message));
        Exit.setHaltProcedure((status, message) ->
                log.error("The dev Kafka broker asked the JVM to halt ({}): {}; ignored", status, message));
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /**
     * {@code dev-kafka [--port 9092] [--dir ./data/kafka]}: runs the broker alone until the process is stopped; for
     * tests that need a broker they can kill, and for anyone who wants a throwaway local broker.
     */
    public static void main(String[] args) throws InterruptedException {
        int port = 9092;
        Path dir = Path.of("data", "kafka");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--dir" -> dir = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + "; usage: dev-kafka [--port 9092] [--dir ./data/kafka]");
            }
        }
        DevKafkaBroker broker = start(port, dir);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "dev-kafka-shutdown"));
        System.out.println("dev-kafka ready on " + broker.bootstrapServers());
        stopped.await();
    }
}
