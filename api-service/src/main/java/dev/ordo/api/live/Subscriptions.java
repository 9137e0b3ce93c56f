package dev.ordo.api.live;

import dev.ordo.api.definitions.WorkflowRepository;
import dev.ordo.api.executions.reads.ExecutionLookup;
import dev.ordo.api.web.ApiException;
import dev.ordo.api.workspaces.Workspace;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Adds and removes the streams a connection follows, with the same workspace checks as REST: an
 * execution or workflow of another workspace is refused exactly like an unknown one. Following an
 * execution sends its {@code execution_state} first, then (with {@code since}) every event after
 * {@code since}, then live events, without a gap or a duplicate: the live subscription is in place,
 * holding messages back, before the state is read.
 */
@Service
class Subscriptions {

    private final ExecutionLookup executions;
    private final WorkflowRepository workflows;
    private final ExecutionStates states;
    private final LiveConnections connections;
    private final CatchUp catchUp;
    private final LiveSettings settings;
    private final Clock clock;

    Subscriptions(ExecutionLookup executions, WorkflowRepository workflows, ExecutionStates states,
                  LiveConnections connections, CatchUp catchUp, LiveSettings settings, Clock clock) {
        this.executions = executions;
        this.workflows = workflows;
        this.states = states;
        this.connections = connections;
        this.catchUp = catchUp;
        this.settings = settings;
        this.clock = clock;
    }

    /** Refuses with a 404 an execution or workflow that {@code workspace} does not have. */
    void check(Workspace workspace, StreamTarget target) {
        switch (target.kind()) {
            case EXECUTION -> executions.header(workspace.id(), target.id())
                    .orElseThrow(() -> ApiException.notFound("Execution not found"));
            case WORKFLOW -> workflows.find(workspace.id(), target.id())
                    .orElseThrow(() -> ApiException.notFound("Workflow not found"));
            case WORKSPACE -> {
                if (!workspace.id().equals(target.id())) {
                    throw ApiException.notFound("Workspace not found");
                }
            }
        }
    }

    /** Follows {@code target}; a refusal is answered with an {@code error} message. */
    void follow(LiveConnection connection, StreamTarget target, Long since) {
        try {
            check(connection.workspace(), target);
        } catch (ApiException refused) {
            refuse(connection, refused.getMessage());
            return;
        }
        if (!connection.follow(target, settings.maxSubscriptions())) {
            refuse(connection, "Subscription limit reached: at most " + settings.maxSubscriptions()
                    + " streams per connection");
            return;
        }
        if (target.kind() == StreamTarget.Kind.EXECUTION) {
            connection.beginCatchUp(target.id());
        }
        connections.index(connection, target);
        if (target.kind() == StreamTarget.Kind.EXECUTION) {
            Optional<LiveMessage> state = states.state(connection.workspace(), target.id());
            if (state.isEmpty()) {
                unfollow(connection, target);
                refuse(connection, "Execution not found");
                return;
            }
            long sequence = state.get().sequence();
            connection.sendState(state.get(), since == null ? sequence : Math.min(since, sequence));
            catchUp.run(connection, ExecutionStates.scope(state.get()));
        }
    }

    void unfollow(LiveConnection connection, StreamTarget target) {
        if (connection.unfollow(target)) {
            connections.unindex(connection, target);
        }
        connection.giveUpCatchUp(target.id());
    }

    void refuse(LiveConnection connection, String why) {
        connection.sendRaw(LiveMessage.error(connection.workspace().id(), clock.instant(), why));
    }
}
