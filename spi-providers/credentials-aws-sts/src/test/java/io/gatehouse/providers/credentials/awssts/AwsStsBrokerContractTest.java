package io.gatehouse.providers.credentials.awssts;

import io.gatehouse.api.credentials.CredentialsBroker;
import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderContext;
import io.gatehouse.api.testing.CredentialsBrokerContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The broker keeps the contract of every credentials broker, against {@link StsStandIn}. The IT server's own STS,
 * which checks the token, is the other backend: ear's AwsStsBrokerIT.
 */
class AwsStsBrokerContractTest extends CredentialsBrokerContract {

    private static final String ACCEPTED = "arn:aws:iam::123456789012:role/app-users";

    private static StsStandIn sts;
    private static AwsStsBrokerFactory factory;

    @BeforeAll
    static void start() throws Exception {
        sts = new StsStandIn(ACCEPTED);
        factory = new AwsStsBrokerFactory();
        factory.init(new ProviderConfig(Map.of("endpoint", sts.endpoint())));
    }

    @AfterAll
    static void stop() {
        factory.close();
        sts.close();
    }

    @Override
    protected CredentialsBroker broker() {
        return factory.create(ProviderContext.of(Optional.empty(), Clock.systemUTC()));
    }

    @Override
    protected String acceptedRole() {
        return ACCEPTED;
    }

    @Override
    protected Optional<String> refusedRole() {
        return Optional.of("arn:aws:iam::123456789012:role/admins");
    }
}
