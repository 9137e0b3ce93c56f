package dev.ordo.api.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The open connections of this instance and who follows what: an index from each stream to its
 * followers, so the fan-out finds an update's recipients without looking at every connection.
 * A workflow or workspace stream only ever gets executions of the connection's own workspace.
 */
@Component
class LiveConnections {

    /** Stands for a workflow or workspace an update does not name: nobody follows it. */
    private static final UUID NONE = new UUID(0, 0);

    private final Map<String, LiveConnection> open = new ConcurrentHashMap<>();
    private final Map<StreamTarget, Set<LiveConnection>> followers = new ConcurrentHashMap<>();

    LiveConnections(MeterRegistry registry) {
        Gauge.builder("ordo.live.connections", open, Map::size)
                .description("Open WebSocket live-stream connections on this instance").register(registry);
    }

    int size() {
        return open.size();
    }

    Collection<LiveConnection> all() {
        return open.values();
    }

    void opened(LiveConnection connection) {
        open.put(connection.id(), connection);
    }

    LiveConnection get(String sessionId) {
        return open.get(sessionId);
    }

    void closed(String sessionId) {
        LiveConnection connection = open.remove(sessionId);
        if (connection != null) {
            connection.out().stop();
            connection.targets().forEach(target -> unindex(connection, target));
        }
    }

    void index(LiveConnection connection, StreamTarget target) {
        followers.computeIfAbsent(target, any -> ConcurrentHashMap.newKeySet()).add(connection);
    }

    void unindex(LiveConnection connection, StreamTarget target) {
        followers.computeIfPresent(target, (key, set) -> {
            set.remove(connection);
            return set.isEmpty() ? null : set;
        });
    }

    /** Whether anyone here follows the execution, its workflow or its workspace. */
    boolean followed(ExecutionScope scope) {
        return followers.containsKey(StreamTarget.execution(scope.executionId()))
                || scope.workflowId() != null && followers.containsKey(StreamTarget.workflow(scope.workflowId()))
                || scope.workspaceId() != null && followers.containsKey(StreamTarget.workspace(scope.workspaceId()));
    }

    /** Each connection that follows the execution, its workflow or its workspace, once. */
    Set<LiveConnection> recipients(ExecutionScope scope) {
        Set<LiveConnection> recipients = new LinkedHashSet<>(
                followers.getOrDefault(StreamTarget.execution(scope.executionId()), Set.of()));
        for (StreamTarget wide : List.of(StreamTarget.workflow(Objects.requireNonNullElse(scope.workflowId(), NONE)),
                StreamTarget.workspace(Objects.requireNonNullElse(scope.workspaceId(), NONE)))) {
            for (LiveConnection connection : followers.getOrDefault(wide, Set.of())) {
                if (connection.workspace().id().equals(scope.workspaceId())) {
                    recipients.add(connection);
                }
            }
        }
        return recipients;
    }
}
