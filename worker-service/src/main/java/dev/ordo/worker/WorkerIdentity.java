package dev.ordo.worker;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This worker instance's name in reports: {@code ORDO_WORKER_ID} when set, else host name plus a
 * per-process suffix. Names of instances running at once should differ.
 */
@Component
class WorkerIdentity {

    private final String id;

    WorkerIdentity(@Value("${ordo.worker.id:}") String configured) {
        this.id = configured.isBlank() ? hostName() + "-" + UUID.randomUUID().toString().substring(0, 8) : configured;
    }

    String id() {
        return id;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "worker";
        }
    }
}
