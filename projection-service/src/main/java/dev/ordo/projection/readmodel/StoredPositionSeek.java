package dev.ordo.projection.readmodel;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerSeekAware.ConsumerSeekCallback;

/**
 * Where the live consumer starts reading a partition it is assigned: right after the last record
 * the read model stored ({@link LogPositions}), whatever offset the consumer group committed in
 * Kafka. The database is the source of truth because a batch commits its rows and its position
 * together, and that commit may be asynchronous: a machine crash can lose the last commits while
 * Kafka keeps the offsets committed after them. Seeking to the stored position replays those
 * records (harmless, see {@link EventLogProjector}) instead of skipping them. A partition the read
 * model holds no position for is read from the log's start.
 */
final class StoredPositionSeek {

    private static final Logger log = LoggerFactory.getLogger(StoredPositionSeek.class);

    private final LogPositions positions;

    StoredPositionSeek(LogPositions positions) {
        this.positions = positions;
    }

    /**
     * Seeks each of {@code assigned} to its stored next offset.
     *
     * @param assigned the partitions just assigned, with the consumer's position from Kafka's
     *                 committed offsets (only logged when the stored position is behind it)
     */
    void seek(Map<TopicPartition, Long> assigned, ConsumerSeekCallback callback) {
        Map<String, Map<Integer, LogPositions.Position>> stored = assigned.keySet().stream()
                .map(TopicPartition::topic).distinct()
                .collect(Collectors.toMap(Function.identity(), this::storedByPartition));
        assigned.forEach((partition, committed) -> {
            LogPositions.Position position = stored.get(partition.topic()).get(partition.partition());
            if (position == null || position.lastOffset() < 0) {
                callback.seekToBeginning(partition.topic(), partition.partition());
                log.info("{}: no position stored with the read model; reading from the log's start", partition);
                return;
            }
            long next = position.lastOffset() + 1;
            callback.seek(partition.topic(), partition.partition(), next);
            if (committed != null && committed > next) {
                log.warn("{}: the read model stored its position up to offset {}, Kafka's committed offset is {}; "
                        + "reading again from {} (commits the database did not keep)", partition, next, committed, next);
            }
        });
    }

    private Map<Integer, LogPositions.Position> storedByPartition(String topic) {
        return positions.positions(topic).stream()
                .collect(Collectors.toMap(LogPositions.Position::partition, Function.identity()));
    }
}
