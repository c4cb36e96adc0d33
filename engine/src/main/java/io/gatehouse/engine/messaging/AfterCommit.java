package io.gatehouse.engine.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.logging.Logger;

/**
 * Runs a delivery on the server's managed executor once the caller's transaction has committed, so the call
 * answers without waiting for the mail or SMS server. For calls whose answer must not tell, by its timing, whether
 * something was sent (ForgotPassword and the confirmation calls when a client prevents user existence errors);
 * a delivery that then fails is only logged, since the caller was already answered.
 */
@ApplicationScoped
public class AfterCommit {

    private static final Logger LOG = Logger.getLogger(AfterCommit.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * Runs {@code delivery} after the current transaction commits; never if it rolls back. Outside a transaction
     * (a call that writes nothing), it runs in the background at once.
     */
    public void deliver(Runnable delivery) {
        if (transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            submit(delivery);
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    submit(delivery);
                }
            }
        });
    }

    private void submit(Runnable delivery) {
        executor.submit(() -> {
            try {
                delivery.run();
            } catch (RuntimeException e) {
                // The senders log their own failures without the message; this says only that one went
                // undelivered after its call had answered.
                LOG.warning("A message sent after its call had answered was not delivered: "
                        + e.getClass().getSimpleName());
            }
        });
    }
}
