package dev.ordo.api.messaging;

import dev.ordo.contract.execution.ExecutionCommand;
import dev.ordo.contract.execution.ExecutionCommand.StartExecution;
import dev.ordo.contract.wire.JsonCodec;
import dev.ordo.contract.wire.Topics;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one way commands reach {@code workflow.commands}: written to the outbox in the same
 * transaction as what they belong to, then published at once after the commit, and by the
 * {@link OutboxSweeper} if that did not happen. So a command exists exactly when its transaction
 * committed, whatever fails after, and the commands of one execution keep their order.
 *
 * <p>Use: {@link #requireBrokerReachable()} before writing anything, {@link #append} inside the
 * transaction, {@link #publish} after it committed.
 */
@Component
public class CommandOutbox {

    private static final Logger log = LoggerFactory.getLogger(CommandOutbox.class);

    /** Where a command stands when the request is answered. */
    public enum Delivery {
        /** The broker acknowledged it within the send timeout. */
        ON_THE_BROKER,
        /** Committed, not yet acknowledged: the sweeper publishes it (after the broker is back). */
        IN_THE_OUTBOX
    }

    private final OutboxRows rows;
    private final CommandRelay relay;
    private final PublishedMarks marks;
    private final BrokerReachability reachability;
    private final Topics topics;

    CommandOutbox(OutboxRows rows, CommandRelay relay, PublishedMarks marks, BrokerReachability reachability,
                  Topics topics) {
        this.rows = rows;
        this.relay = relay;
        this.marks = marks;
        this.reachability = reachability;
        this.topics = topics;
    }

    /**
     * Refuses new commands while the broker has been unreachable for longer than the send timeout,
     * so that nothing is accepted that cannot start soon.
     *
     * @throws BrokerUnavailableException answered with 503
     */
    public void requireBrokerReachable() {
        reachability.unreachableSince().ifPresent(since -> {
            throw new BrokerUnavailableException("the event broker has been unreachable since " + since, null);
        });
    }

    /** Writes {@code command}, keyed by its execution id, in the caller's transaction (if any). */
    public OutboxRow append(ExecutionCommand command) {
        String key = command.executionId().toString();
        byte[] payload = JsonCodec.instance().encode(command);
        long id = rows.insert(key, topics.commands(), payload);
        return new OutboxRow(id, key, topics.commands(), payload, command instanceof StartExecution);
    }

    /**
     * Publishes a committed row at once and waits up to the send timeout for the broker. Never
     * throws: the row is committed, so the command is accepted whatever happens here. A row with an
     * earlier command of its execution still unpublished is left to the sweeper, which keeps them
     * in order.
     */
    public Delivery publish(OutboxRow row) {
        try {
            if (!row.opensExecution() && rows.hasEarlierUnpublished(row)) {
                return Delivery.IN_THE_OUTBOX;
            }
            relay.send(row).thenRun(() -> marks.add(row.id()))
                    .get(reachability.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return Delivery.ON_THE_BROKER;
        } catch (ExecutionException | TimeoutException e) {
            return Delivery.IN_THE_OUTBOX;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.IN_THE_OUTBOX;
        } catch (RuntimeException e) {
            log.warn("Outbox row {} not published after its commit; the sweeper will: {}", row.id(), e.toString());
            return Delivery.IN_THE_OUTBOX;
        }
    }
}
