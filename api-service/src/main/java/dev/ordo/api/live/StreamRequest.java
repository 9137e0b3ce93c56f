package dev.ordo.api.live;

import dev.ordo.api.workspaces.Workspace;

/**
 * What a handshake asked for, resolved and checked: the workspace, the first stream, and for an
 * execution stream the {@code since} sequence (null for none).
 */
record StreamRequest(Workspace workspace, StreamTarget target, Long since) {

    static final String ATTRIBUTE = StreamRequest.class.getName();
}
