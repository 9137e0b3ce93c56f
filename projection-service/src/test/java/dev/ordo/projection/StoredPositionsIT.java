package dev.ordo.projection;

import static dev.ordo.projection.EventLog.ONE_STEP;
import static dev.ordo.projection.EventLog.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionCompleted;
import dev.ordo.contract.execution.ExecutionEvent.StepScheduled;
import dev.ordo.contract.execution.ExecutionEvent.StepStarted;
import dev.ordo.contract.execution.ExecutionEvent.StepSucceeded;
import dev.ordo.contract.wire.EventEnvelope;
import dev.ordo.infra.SharedTestInfrastructure;
import dev.ordo.projection.readmodel.EventLogListener;
import dev.ordo.projection.readmodel.ProjectionProgress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The read model's place in the log is stored in the transaction of its rows, and it, not the
 * offset the consumer group committed in Kafka, is where a restarted projection reads on: a commit
 * the database lost (an asynchronous one, in a machine crash) is read again, never skipped.
 */
@ProjectionTest
class StoredPositionsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final EventLog LOG = new EventLog();
    private static Admin admin;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    ProjectionProgress progress;

    @Value("${spring.kafka.consumer.group-id}")
    String group;

    @BeforeAll
    static void connect() {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedTestInfrastructure.endpoints().bootstrapServers()));
    }

    @AfterAll
    static void close() {
        LOG.close();
        admin.close();
    }

    @Test
    void a_batch_that_cannot_store_its_rows_stores_no_position_either() {
        UUID id = UUID.randomUUID();
        long before = storedLastOffset();
        jdbc.execute("ALTER TABLE readmodel.execution_events RENAME TO execution_events_unreachable");
        List<EventLog.Written> written;
        try {
            written = LOG.writeAll(history(id).subList(0, 2));
            await().atMost(PATIENCE).until(() -> progress.batchFailure() != null);
            assertThat(storedLastOffset()).as("the position while the batch fails").isEqualTo(before);
            assertThat(new ReadModel(jdbc).lastSequence(id)).isZero();
        } finally {
            jdbc.execute("ALTER TABLE readmodel.execution_events_unreachable RENAME TO execution_events");
        }

        await().atMost(PATIENCE).until(() -> storedLastOffset() >= written.get(1).offset());
        assertThat(new ReadModel(jdbc).lastSequence(id)).isEqualTo(2);
    }

    @Test
    void a_restarted_projection_reads_on_from_its_stored_position_even_when_kafkas_committed_offset_is_ahead()
            throws Exception {
        UUID id = UUID.randomUUID();
        List<EventEnvelope> history = history(id);
        List<EventLog.Written> early = LOG.writeAll(history.subList(0, 2));
        await().atMost(PATIENCE).until(() -> storedLastOffset() >= early.get(1).offset());
        List<Map<String, Object>> earlyRows = events(id);
        MessageListenerContainer live = listeners.getListenerContainer(EventLogListener.ID);
        live.stop();
        try {
            await().atMost(PATIENCE).until(() -> !live.isRunning());
            jdbc.update("UPDATE readmodel.projection_progress SET last_offset = ? WHERE topic = ? AND partition = 0",
                    early.get(0).offset() - 1, LOG.topic());
            List<EventLog.Written> late = LOG.writeAll(history.subList(2, history.size()));
            long pastEverything = late.get(late.size() - 1).offset() + 1;
            await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> admin.alterConsumerGroupOffsets(group,
                    Map.of(new TopicPartition(LOG.topic(), 0), new OffsetAndMetadata(pastEverything))).all()
                    .get(5, TimeUnit.SECONDS));
            assertThat(committedOffset()).isEqualTo(pastEverything);
        } finally {
            live.start();
        }

        await().atMost(PATIENCE).until(() -> new ReadModel(jdbc).lastSequence(id) == history.size());
        List<Map<String, Object>> rows = events(id);
        assertThat(rows).extracting(row -> row.get("sequence")).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(rows.subList(0, 2)).as("the events read again change nothing").isEqualTo(earlyRows);
        assertThat(new ReadModel(jdbc).status(id)).isEqualTo("completed");
    }

    private static List<EventEnvelope> history(UUID id) {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ExecutionEvent[] events = {started(ONE_STEP), new StepScheduled("work", 1, Map.of(), null),
            new StepStarted("work", 1, "w-1", null), new StepSucceeded("work", 1, Map.of("ok", true)),
            new ExecutionCompleted()};
        List<EventEnvelope> envelopes = new ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            envelopes.add(new EventEnvelope(id, i + 1, t0.plusMillis(i), events[i]));
        }
        return envelopes;
    }

    private List<Map<String, Object>> events(UUID id) {
        return jdbc.queryForList("SELECT sequence, occurred_at, type, data::text AS data FROM readmodel.execution_events "
                + "WHERE execution_id = ? ORDER BY sequence", id);
    }

    private long storedLastOffset() {
        return jdbc.queryForObject("SELECT coalesce(max(last_offset), -1) FROM readmodel.projection_progress "
                + "WHERE topic = ? AND partition = 0", Long.class, LOG.topic());
    }

    private long committedOffset() throws Exception {
        OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(5, TimeUnit.SECONDS).get(new TopicPartition(LOG.topic(), 0));
        return committed == null ? -1 : committed.offset();
    }
}
