package io.gatehouse.engine.identitypool.sts;

import io.gatehouse.engine.query.QueryAnswer;
import io.gatehouse.engine.query.QueryProtocol;
import io.gatehouse.engine.query.QueryXml;

import java.util.Map;

/** STS's answers in its own namespace. */
final class Sts {

    static final String VERSION = QueryProtocol.STS_VERSION;

    private Sts() {
    }

    static QueryAnswer result(String action, Map<String, ?> fields, String requestId) {
        return new QueryAnswer(200, null, QueryXml.result(QueryProtocol.STS_NAMESPACE, action, fields, requestId));
    }

    static QueryAnswer error(int status, String code, String message, String requestId) {
        return QueryProtocol.error(QueryProtocol.STS_NAMESPACE, status, code, message, requestId);
    }
}
