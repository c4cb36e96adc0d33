package io.gatehouse.it.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * Fails the build before the test servers start when something already listens on their ports. A Maven run killed
 * during the integration tests leaves its Liberty servers running; the next run's servers then cannot bind, and the
 * tests would talk to the old ones, running old code, without a word. Run by the build (exec:java).
 *
 * <p>Arguments: the ports.
 */
public final class PortsFree {

    private PortsFree() {
    }

    public static void main(String[] args) {
        List<String> taken = new ArrayList<>();
        for (String port : args) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(port)), 500);
                taken.add(port);
            } catch (IOException e) {
                // Nothing answers: free.
            }
        }
        if (!taken.isEmpty()) {
            throw new IllegalStateException("Something already listens on port(s) " + taken + ", which the test "
                    + "servers need: probably Liberty servers left by an interrupted build (look for ws-server.jar "
                    + "processes, or run ear/target/liberty/wlp/bin/server stop gatehouse-it and gatehouse-it-pg).");
        }
        System.out.println("Test server ports " + String.join(", ", args) + " are free");
    }
}
