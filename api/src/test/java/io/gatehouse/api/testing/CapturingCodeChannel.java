package io.gatehouse.api.testing;

import io.gatehouse.api.message.DeliveryException;
import io.gatehouse.api.message.OutboundMessage;
import io.gatehouse.api.mfa.CodeChannel;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link CodeChannel} for tests: keeps every message it is given, or refuses them all once told to. */
public final class CapturingCodeChannel implements CodeChannel {

    private final List<OutboundMessage> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private volatile boolean refusing;

    @Override
    public void send(OutboundMessage message) throws DeliveryException {
        attempts.incrementAndGet();
        if (refusing) {
            throw new DeliveryException("the test channel refuses messages");
        }
        sent.add(message);
    }

    /** Every message sent so far, oldest first. */
    public List<OutboundMessage> sent() {
        return List.copyOf(sent);
    }

    /** How many messages were handed to this channel, refused ones included. */
    public int attempts() {
        return attempts.get();
    }

    /** The last message sent; fails the test when there is none. */
    public OutboundMessage last() {
        if (sent.isEmpty()) {
            throw new AssertionError("no message was sent");
        }
        return sent.get(sent.size() - 1);
    }

    /** From now on every send fails with {@link DeliveryException}, as an unreachable gateway would. */
    public void refuse() {
        refusing = true;
    }
}
