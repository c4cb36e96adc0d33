package io.gatehouse.it.cognito;

import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UICustomizationType;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hosted UI (classic) branding: a pool-wide CSS and logo, a client's own that replaces it whole, the logo served
 * over HTTP, and the CSS and files Gatehouse refuses.
 */
class UiCustomizationIT {

    private static final String POOL_CSS = ".label-customizable { font-weight: 400; }";
    private static final String CLIENT_CSS = ".submitButton-customizable { background-color: #123456; }";

    private static CognitoIdentityProviderClient cognito;

    @BeforeAll
    static void client() {
        cognito = Gatehouse.adminClient();
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    private static String pool(String name) {
        return cognito.createUserPool(r -> r.poolName(name)).userPool().id();
    }

    private static String appClient(String pool) {
        return cognito.createUserPoolClient(r -> r.userPoolId(pool).clientName("web")).userPoolClient().clientId();
    }

    private static UICustomizationType get(String pool, String client) {
        return cognito.getUICustomization(r -> r.userPoolId(pool).clientId(client)).uiCustomization();
    }

    @Test
    void poolAndClientCustomizationWhenSetThenEachReadBackAndTheClientsReplacesThePoolsWhole() throws Exception {
        String pool = pool("branded");
        String client = appClient(pool);
        String plain = appClient(pool);
        byte[] png = image("png");

        UICustomizationType poolWide = cognito.setUICustomization(r -> r.userPoolId(pool).clientId("ALL")
                .css(POOL_CSS).imageFile(SdkBytes.fromByteArray(png))).uiCustomization();
        cognito.setUICustomization(r -> r.userPoolId(pool).clientId(client).css(CLIENT_CSS));

        assertThat(poolWide.userPoolId()).isEqualTo(pool);
        assertThat(poolWide.clientId()).isEqualTo("ALL");
        assertThat(poolWide.css()).isEqualTo(POOL_CSS);
        assertThat(poolWide.cssVersion()).isNotBlank();
        assertThat(poolWide.imageUrl()).startsWith(Gatehouse.ENDPOINT + "/ui-customization/" + pool + "/ALL/logo");
        assertThat(poolWide.creationDate()).isNotNull();
        assertThat(poolWide.lastModifiedDate()).isNotNull();
        assertThat(cognito.getUICustomization(r -> r.userPoolId(pool)).uiCustomization()).isEqualTo(poolWide);

        UICustomizationType own = get(pool, client);
        assertThat(own.clientId()).isEqualTo(client);
        assertThat(own.css()).isEqualTo(CLIENT_CSS);
        assertThat(own.imageUrl()).as("a client's customization does not inherit the pool's logo").isNull();
        assertThat(get(pool, plain)).as("a client without its own shows the pool's").isEqualTo(poolWide);

        HttpResponse<byte[]> logo = fetch(poolWide.imageUrl());
        assertThat(logo.statusCode()).isEqualTo(200);
        assertThat(logo.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(logo.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(logo.headers().firstValue("Cache-Control").orElse("")).contains("max-age=300");
        assertThat(logo.body()).isEqualTo(png);
        assertThat(fetch(asset(pool, plain, "logo")).body()).isEqualTo(png);
        assertThat(fetch(asset(pool, client, "logo")).statusCode()).isEqualTo(404);

        HttpResponse<byte[]> css = fetch(asset(pool, client, "css"));
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
        assertThat(new String(css.body(), StandardCharsets.UTF_8)).isEqualTo(CLIENT_CSS);
    }

    @Test
    void logoWhenJpegThenServedAsJpegAndEachSetChangesItsVersion() throws Exception {
        String pool = pool("jpeg");
        byte[] jpeg = image("jpeg");

        UICustomizationType first = cognito.setUICustomization(r -> r.userPoolId(pool)
                .css(POOL_CSS).imageFile(SdkBytes.fromByteArray(jpeg))).uiCustomization();
        Thread.sleep(5);
        UICustomizationType second = cognito.setUICustomization(r -> r.userPoolId(pool)
                .css(CLIENT_CSS).imageFile(SdkBytes.fromByteArray(jpeg))).uiCustomization();

        assertThat(second.cssVersion()).isNotEqualTo(first.cssVersion());
        assertThat(second.creationDate()).isEqualTo(first.creationDate());
        HttpResponse<byte[]> logo = fetch(second.imageUrl());
        assertThat(logo.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(logo.body()).isEqualTo(jpeg);
    }

    @Test
    void cssWhenItCouldLoadRemoteContentThenInvalidParameter() {
        String pool = pool("remote-css");

        assertThatThrownBy(() -> cognito.setUICustomization(r -> r.userPoolId(pool)
                .css("@import url(https://example.com/x.css); .label-customizable { color: red; }")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("@import");
        assertThatThrownBy(() -> cognito.setUICustomization(r -> r.userPoolId(pool)
                .css(".background-customizable { background: url(https://example.com/x.png); }")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("url(");
        assertThat(get(pool, null).css()).as("nothing was stored").isNull();
    }

    @Test
    void imageWhenNotPngOrJpegThenInvalidParameter() {
        String pool = pool("svg-logo");

        assertThatThrownBy(() -> cognito.setUICustomization(r -> r.userPoolId(pool).imageFile(
                SdkBytes.fromUtf8String("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("PNG or JPEG");
    }

    @Test
    void clientOrPoolWhenUnknownThenResourceNotFound() {
        String pool = pool("unknown-client");
        String otherPoolsClient = appClient(pool("other"));

        assertThatThrownBy(() -> cognito.setUICustomization(r -> r.userPoolId(pool).clientId(otherPoolsClient)
                .css(POOL_CSS))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> get(pool, "nosuchclient0000000000000a"))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> get("us-east-1_NoSuchPool", null)).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void setWhenNeitherCssNorImageThenBackToTheDefault() throws Exception {
        String pool = pool("reset");
        String logoUrl = cognito.setUICustomization(r -> r.userPoolId(pool).clientId("ALL").css(POOL_CSS)
                .imageFile(SdkBytes.fromByteArray(image("png")))).uiCustomization().imageUrl();

        UICustomizationType reset = cognito.setUICustomization(r -> r.userPoolId(pool).clientId("ALL"))
                .uiCustomization();

        assertThat(reset.userPoolId()).isEqualTo(pool);
        assertThat(reset.clientId()).isEqualTo("ALL");
        assertThat(reset.css()).isNull();
        UICustomizationType none = get(pool, null);
        assertThat(none.userPoolId()).isEqualTo(pool);
        assertThat(none.clientId()).isEqualTo("ALL");
        assertThat(none.css()).isNull();
        assertThat(none.imageUrl()).isNull();
        assertThat(none.creationDate()).isNull();
        assertThat(fetch(logoUrl).statusCode()).isEqualTo(404);
    }

    private static String asset(String pool, String client, String name) {
        return Gatehouse.ENDPOINT + "/ui-customization/" + pool + "/" + client + "/" + name;
    }

    private static HttpResponse<byte[]> fetch(String url) throws Exception {
        return Gatehouse.HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A small real image in the given format, so the server sees what an upload would hold. */
    private static byte[] image(String format) {
        BufferedImage image = new BufferedImage(8, 4, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0x123456);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
