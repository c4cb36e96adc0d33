package io.gatehouse.federation.saml.testing;

/** Documents that attack the XML parser rather than SAML's rules. */
public final class XmlAttacks {

    private XmlAttacks() {
    }

    /**
     * A Response whose NameID is an external entity reading a local file (XXE): a parser that resolves it puts the
     * file's content in the message, or fetches the URL.
     */
    public static String externalEntity(String acs) {
        return "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE samlp:Response [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\""
                + " xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_xxe\" Version=\"2.0\""
                + " IssueInstant=\"2030-01-01T00:00:00Z\" Destination=\"" + acs + "\">"
                + "<saml:Issuer>&xxe;</saml:Issuer>"
                + "<samlp:Status><samlp:StatusCode Value=\"urn:oasis:names:tc:SAML:2.0:status:Success\"/>"
                + "</samlp:Status></samlp:Response>";
    }

    /** A Response holding the billion laughs: ten nested entities of ten each, 10^9 "lol"s when expanded. */
    public static String billionLaughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE samlp:Response [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                dtd.append("&lol").append(i - 1).append(';');
            }
            dtd.append("\">");
        }
        dtd.append("]>");
        return "<?xml version=\"1.0\"?>\n" + dtd
                + "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_lol\" Version=\"2.0\""
                + " IssueInstant=\"2030-01-01T00:00:00Z\">&lol9;</samlp:Response>";
    }
}
