package dev.keyward.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.regex.Pattern;

import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlPage;

/**
 * HtmlUnit as the user's browser. Redirects are followed only between Keycloak's own protocol
 * and login-action endpoints; a redirect anywhere else (the client's redirect_uri, even when it
 * is on Keycloak's host, like the account console's) stops the browser and is handed to the test.
 */
public final class Browser implements AutoCloseable {

    private static final int MAX_REDIRECTS = 10;
    private static final Pattern KEYCLOAK_FLOW_PATH = Pattern.compile("/realms/[^/]+/(protocol|login-actions)/.*");

    private final WebClient web = new WebClient();
    private final URI keycloak;

    public Browser(URI keycloakBaseUrl) {
        this.keycloak = keycloakBaseUrl;
        web.getOptions().setRedirectEnabled(false);
        web.getOptions().setJavaScriptEnabled(false);
        web.getOptions().setCssEnabled(false);
        web.getOptions().setThrowExceptionOnFailingStatusCode(false);
        web.getOptions().setThrowExceptionOnScriptError(false);
    }

    /** Opens an authorization request and expects Keycloak's login page. */
    public LoginPage openLogin(URI authorizationRequest) {
        return new LoginPage(this, expectPage(navigate(authorizationRequest)));
    }

    /** Opens a URL and follows Keycloak's own redirects; returns where the browser stopped. */
    public Outcome navigate(URI url) {
        return followRedirects(get(url));
    }

    /** Follows Keycloak's redirects from a page the test reached itself, e.g. by clicking a button. */
    public Outcome follow(Page page) {
        return followRedirects(page);
    }

    /** Clicks the element with this id (a button) and follows Keycloak's redirects from there. */
    public Outcome click(HtmlPage page, String elementId) {
        try {
            return followRedirects(page.<HtmlElement>getHtmlElementById(elementId).click());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Outcome followRedirects(Page page) {
        Page current = page;
        for (int i = 0; i < MAX_REDIRECTS; i++) {
            WebResponse response = current.getWebResponse();
            if (!isRedirect(response.getStatusCode())) {
                return new Outcome(current, null);
            }
            URI location = resolve(response.getWebRequest().getUrl(), response.getResponseHeaderValue("Location"));
            if (location == null || !isKeycloakFlow(location)) {
                return new Outcome(current, location);
            }
            current = get(location);
        }
        throw new IllegalStateException("More than " + MAX_REDIRECTS + " redirects from " + page.getUrl());
    }

    private HtmlPage expectPage(Outcome outcome) {
        if (outcome.redirect() != null || !(outcome.page() instanceof HtmlPage html)) {
            throw new IllegalStateException("Expected a Keycloak page, got " + outcome);
        }
        return html;
    }

    private Page get(URI url) {
        try {
            return web.getPage(url.toURL());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url + " failed", e);
        }
    }

    private boolean isKeycloakFlow(URI location) {
        return keycloak.getScheme().equals(location.getScheme())
                && keycloak.getHost().equals(location.getHost())
                && keycloak.getPort() == location.getPort()
                && KEYCLOAK_FLOW_PATH.matcher(location.getRawPath()).matches();
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static URI resolve(URL base, String location) {
        if (location == null) {
            return null;
        }
        try {
            return base.toURI().resolve(location);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Bad Location header " + location, e);
        }
    }

    @Override
    public void close() {
        web.close();
    }

    /** Where navigation stopped: a page (redirect is null), or a redirect out of Keycloak. */
    public record Outcome(Page page, URI redirect) {

        public URI redirectOrFail() {
            if (redirect == null) {
                throw new AssertionError("Expected a redirect to the client, but the browser is on "
                        + page.getUrl() + " (" + page.getWebResponse().getStatusCode() + "):\n" + text());
            }
            return redirect;
        }

        /** Whether the browser stopped on Keycloak's login form, not on an error page. */
        public boolean loginForm() {
            return redirect == null && page instanceof HtmlPage html && html.getElementById("kc-form-login") != null;
        }

        /** The text of the page the browser stopped on (an error page's message), or the redirect. */
        public String text() {
            return redirect != null ? redirect.toString()
                    : page instanceof HtmlPage html ? html.asNormalizedText() : page.getWebResponse().getContentAsString();
        }

        @Override
        public String toString() {
            return redirect != null ? "redirect to " + redirect
                    : page.getWebResponse().getStatusCode() + " " + page.getUrl();
        }
    }
}
