package io.gatehouse.providers.credentials.awssts;

import io.gatehouse.api.credentials.CredentialsBroker;
import io.gatehouse.api.credentials.CredentialsBrokerFactory;
import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderContext;
import io.gatehouse.api.provider.ProviderInitializationException;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;

/**
 * The {@code aws-sts} credentials broker: identity pools' credentials from an STS's
 * {@code AssumeRoleWithWebIdentity} (AWS STS by default; MinIO's or Ceph's by {@code endpoint}). Its options, under
 * {@code gatehouse.spi.credentials-broker.aws-sts.}, are read by {@link AwsStsOptions#parse}. One SDK client serves
 * every broker it creates; it is thread-safe and closed with the factory.
 */
public final class AwsStsBrokerFactory implements CredentialsBrokerFactory {

    public static final String ID = "aws-sts";

    /** What init made, published at once. */
    private record Ready(StsClient sts, AwsStsOptions options) {
    }

    private volatile Ready ready;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void init(ProviderConfig config) throws ProviderInitializationException {
        AwsStsOptions parsed = AwsStsOptions.parse(config);
        StsClientBuilder builder = StsClient.builder()
                .region(Region.of(parsed.region()))
                // AssumeRoleWithWebIdentity is unsigned; nor should the SDK look for the server's own AWS keys.
                .credentialsProvider(AnonymousCredentialsProvider.create())
                // A builder rather than a client, so that closing the StsClient closes its HTTP client too.
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(parsed.connectTimeout())
                        .socketTimeout(parsed.callTimeout()))
                .overrideConfiguration(c -> c.apiCallTimeout(parsed.callTimeout())
                        .apiCallAttemptTimeout(parsed.callTimeout()));
        parsed.endpoint().ifPresent(builder::endpointOverride);
        try {
            ready = new Ready(builder.build(), parsed);
        } catch (RuntimeException e) {
            throw new ProviderInitializationException("the STS client could not be built: " + e.getMessage(), e);
        }
    }

    @Override
    public CredentialsBroker create(ProviderContext context) {
        Ready current = ready;
        if (current == null) {
            throw new IllegalStateException("init was not called");
        }
        return new AwsStsBroker(current.sts(), current.options().policyArns());
    }

    @Override
    public void close() {
        Ready current = ready;
        if (current != null) {
            current.sts().close();
        }
    }
}
