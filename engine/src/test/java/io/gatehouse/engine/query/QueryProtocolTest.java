package io.gatehouse.engine.query;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryProtocolTest {

    @Test
    void formWhenParsedThenDecodedFirstValueKeptAndBadEscapesIgnored() {
        Map<String, String> form = QueryProtocol.form(
                "Action=GetCallerIdentity&Version=2011-06-15&Action=Other&Tag=a%2Bb%20c&Bad=%zz".getBytes());
        assertEquals("GetCallerIdentity", form.get("Action"));
        assertEquals("a+b c", form.get("Tag"));
        assertFalse(form.containsKey("Bad"));
    }

    @Test
    void xmlWhenValuesHoldMarkupOrControlCharactersThenEscapedOrDropped() {
        String xml = QueryXml.error(QueryProtocol.STS_NAMESPACE, true, "InvalidAction", "Could not find <x> & \"y\"\u0000", "id-1");
        assertTrue(xml.contains("<Message>Could not find &lt;x&gt; &amp; &quot;y&quot;</Message>"), xml);
        assertTrue(xml.contains("<Type>Sender</Type>"));
    }

    @Test
    void resultWhenFieldsNestOrListThenElementsAndMembers() {
        String xml = QueryXml.result("urn:x", "ListThings", Map.of("Things", List.of(Map.of("Arn", "a&b"))), "id-2");
        assertTrue(xml.contains("<Things>\n      <member>\n        <Arn>a&amp;b</Arn>\n      </member>\n    </Things>"),
                xml);
        assertTrue(xml.startsWith("<ListThingsResponse xmlns=\"urn:x\">"), xml);
    }
}
