package dev.ordo.worker;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** This worker instance's name in reports: host name plus a per-process suffix. */
@Component
class WorkerIdentity {

    private final String id;

    WorkerIdentity() {
        this.id = hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
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
