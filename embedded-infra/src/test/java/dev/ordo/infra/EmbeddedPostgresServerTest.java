package dev.ordo.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @TempDir
    Path dataDir;

    @Test
    void rowsSurviveAStopAndRestartOnTheSameDataDir() throws Exception {
        try (EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDir, 0)) {
            String jdbcUrl = server.start();
            assertThat(jdbcUrl).isEqualTo("jdbc:postgresql://localhost:" + server.port() + "/ordo");
            execute(server, "CREATE TABLE workflow (id text PRIMARY KEY)", "INSERT INTO workflow VALUES ('wf-1')");
        }

        try (EmbeddedPostgresServer restarted = new EmbeddedPostgresServer(dataDir, 0)) {
            restarted.start();
            assertThat(workflowIds(restarted)).containsExactly("wf-1");
            assertThat(query(restarted, "SELECT current_database()")).containsExactly("ordo");
        }
    }

    @Test
    void aDurableServerForcesEveryCommitToDiskAndAFastOneOnTheSameClusterDoesNot() throws Exception {
        try (EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDir, 0)) {
            server.start();
            assertThat(server.durability()).isEqualTo(PostgresDurability.DURABLE);
            assertThat(durabilitySettings(server)).containsExactly("on", "on", "on");
        }

        try (EmbeddedPostgresServer fast = new EmbeddedPostgresServer(dataDir, 0, PostgresDurability.FAST)) {
            fast.start();
            assertThat(durabilitySettings(fast)).containsExactly("off", "off", "off");
        }
    }

    @Test
    @Timeout(90)
    void restartAfterAKilledJvmStopsTheOrphanedPostmasterAndKeepsTheData() throws Exception {
        int port;
        try (EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDir, 0)) {
            server.start();
            port = server.port();
            execute(server, "CREATE TABLE workflow (id text PRIMARY KEY)", "INSERT INTO workflow VALUES ('wf-1')");
        }
        long orphanPid = abandonPostgresInChildJvm(port);
        assertThat(ProcessHandle.of(orphanPid)).hasValueSatisfying(process -> assertThat(process.isAlive()).isTrue());

        try (EmbeddedPostgresServer restarted = new EmbeddedPostgresServer(dataDir, port)) {
            restarted.start();
            assertThat(ProcessHandle.of(orphanPid).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(workflowIds(restarted)).containsExactly("wf-1");
        }
    }

    @Test
    void aFixedPortInUseFailsFast() throws Exception {
        try (ServerSocket occupied = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDir, occupied.getLocalPort())) {
            assertThatThrownBy(server::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already in use");
            assertThat(server.isRunning()).isFalse();
        }
    }

    private long abandonPostgresInChildJvm(int port) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                AbandonedPostgresProcess.class.getName(), dataDir.toString(), Integer.toString(port))
                .redirectErrorStream(true)
                .start();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
            }
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(output).as("child JVM output").contains(AbandonedPostgresProcess.READY);
        String pidLine = Files.readAllLines(dataDir.resolve("cluster/postmaster.pid")).get(0);
        return Long.parseLong(pidLine.trim());
    }

    /** fsync, synchronous_commit and full_page_writes, as the server runs them. */
    private static List<String> durabilitySettings(EmbeddedPostgresServer server) throws SQLException {
        return query(server, "SELECT setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', "
                + "'full_page_writes') ORDER BY array_position(ARRAY['fsync', 'synchronous_commit', 'full_page_writes'], "
                + "name::text)");
    }

    private static List<String> workflowIds(EmbeddedPostgresServer server) throws SQLException {
        return query(server, "SELECT id FROM workflow ORDER BY id");
    }

    private static void execute(EmbeddedPostgresServer server, String... statements) throws SQLException {
        try (Connection connection = connect(server); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static List<String> query(EmbeddedPostgresServer server, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = connect(server);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
    }
}
