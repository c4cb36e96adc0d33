package io.gatehouse.providers.federation.oauth;

import io.gatehouse.api.federation.DetailKey;
import io.gatehouse.api.federation.FederationProvider;
import io.gatehouse.api.federation.InvalidProviderDetailsException;

import java.util.List;
import java.util.Map;

/** A type whose details a {@link DetailsSchema} describes, checks and completes. */
public abstract class SchemaFederationProvider implements FederationProvider {

    private final DetailsSchema schema;

    protected SchemaFederationProvider(DetailsSchema schema) {
        this.schema = schema;
    }

    @Override
    public List<DetailKey> detailKeys() {
        return schema.keys();
    }

    @Override
    public Map<String, String> configure(Map<String, String> requested) throws InvalidProviderDetailsException {
        return schema.configure(requested);
    }

    @Override
    public Map<String, String> reconfigure(Map<String, String> given, Map<String, String> stored)
            throws InvalidProviderDetailsException {
        return schema.reconfigure(given, stored);
    }
}
