package dev.ordo.worker.tasks;

import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The offsets of one partition that this worker took and has not committed yet. An offset is done
 * once its task has reported and every report was acknowledged; the partition may be committed up
 * to the first offset that is not done, never past it, so a task that has not reported is always
 * delivered again after a crash or a rebalance. Used by the polling thread only.
 */
final class PartitionProgress {

    /** A partition with this many offsets waiting for a commit is paused until its oldest task reports. */
    static final int MAX_WAITING = 1_000;

    /** Taken offsets from the first that is not done, each with whether it is done. */
    private final NavigableMap<Long, Boolean> pending = new TreeMap<>();
    private long committable = -1;
    private long committed = -1;

    void taken(long offset) {
        pending.put(offset, false);
    }

    /** Marks {@code offset} done; an offset not taken (any more) is ignored. */
    void done(long offset) {
        pending.computeIfPresent(offset, (taken, wasDone) -> true);
        while (!pending.isEmpty() && pending.firstEntry().getValue()) {
            committable = pending.pollFirstEntry().getKey() + 1;
        }
    }

    /**
     * The consumer's position on this partition is {@code position}: when every taken offset is done,
     * the partition may be committed up to there. The engine writes tasks in transactions, and a
     * read_committed consumer's position passes each commit marker, so committing it (not only the
     * last task + 1) lets a worker that has done everything show a lag of 0.
     */
    void caughtUp(long position) {
        if (pending.isEmpty() && position > committable) {
            committable = position;
        }
    }

    /** The offset to commit, the one after the last of the done offsets before the first that is not, if it moved. */
    OptionalLong toCommit() {
        return committable > committed ? OptionalLong.of(committable) : OptionalLong.empty();
    }

    void committed(long offset) {
        committed = Math.max(committed, offset);
    }

    /** How many taken offsets wait for a commit: the tasks not done and those done after them. */
    int waiting() {
        return pending.size();
    }
}
