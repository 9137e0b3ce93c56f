package dev.ordo.api.live;

import java.util.UUID;

/** One stream a connection follows: an execution, every execution of a workflow, or of a workspace. */
record StreamTarget(Kind kind, UUID id) {

    enum Kind { EXECUTION, WORKFLOW, WORKSPACE }

    static StreamTarget execution(UUID id) {
        return new StreamTarget(Kind.EXECUTION, id);
    }

    static StreamTarget workflow(UUID id) {
        return new StreamTarget(Kind.WORKFLOW, id);
    }

    static StreamTarget workspace(UUID id) {
        return new StreamTarget(Kind.WORKSPACE, id);
    }
}
