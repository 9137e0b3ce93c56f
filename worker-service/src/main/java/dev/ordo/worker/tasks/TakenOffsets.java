package dev.ordo.worker.tasks;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** The {@link PartitionProgress} of every partition assigned to this worker. Used by the polling thread only. */
final class TakenOffsets {

    private final Map<TopicPartition, PartitionProgress> partitions = new HashMap<>();

    void assigned(Collection<TopicPartition> assigned) {
        assigned.forEach(partition -> partitions.put(partition, new PartitionProgress()));
    }

    void forget(Collection<TopicPartition> gone) {
        gone.forEach(partitions::remove);
    }

    Set<TopicPartition> partitions() {
        return partitions.keySet();
    }

    void taken(TopicPartition partition, long offset) {
        partitions.computeIfAbsent(partition, ignored -> new PartitionProgress()).taken(offset);
    }

    /** Marks an offset done; one of a partition no longer assigned is ignored. */
    void done(TopicPartition partition, long offset) {
        PartitionProgress progress = partitions.get(partition);
        if (progress != null) {
            progress.done(offset);
        }
    }

    boolean backedUp(TopicPartition partition) {
        PartitionProgress progress = partitions.get(partition);
        return progress != null && progress.waiting() >= PartitionProgress.MAX_WAITING;
    }

    /** The consumer stands at {@code position} on {@code partition}; see {@link PartitionProgress#caughtUp}. */
    void caughtUp(TopicPartition partition, long position) {
        PartitionProgress progress = partitions.get(partition);
        if (progress != null) {
            progress.caughtUp(position);
        }
    }

    /** For each of {@code scope} whose committable offset moved, the offset to commit. */
    Map<TopicPartition, OffsetAndMetadata> toCommit(Collection<TopicPartition> scope) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : scope) {
            PartitionProgress progress = partitions.get(partition);
            if (progress != null) {
                progress.toCommit().ifPresent(offset -> offsets.put(partition, new OffsetAndMetadata(offset)));
            }
        }
        return offsets;
    }

    void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((partition, offset) -> {
            PartitionProgress progress = partitions.get(partition);
            if (progress != null) {
                progress.committed(offset.offset());
            }
        });
    }
}
