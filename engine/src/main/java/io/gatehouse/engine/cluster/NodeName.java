package io.gatehouse.engine.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This node's name for rows an operator reads (who ran a job, who runs an import): host and process id. */
public final class NodeName {

    private static final String CURRENT = host() + "/" + ProcessHandle.current().pid();

    private NodeName() {
    }

    public static String current() {
        return CURRENT;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
