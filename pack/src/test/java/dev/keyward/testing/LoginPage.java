package dev.keyward.testing;


import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;

/** Keycloak's username-and-password form ({@code #kc-form-login}). */
public final class LoginPage {

    private final Browser browser;
    private final HtmlPage page;

    LoginPage(Browser browser, HtmlPage page) {
        this.browser = browser;
        this.page = page;
        if (page.getElementById("kc-form-login") == null) {
            throw new IllegalStateException("Not a login page: " + page.getUrl() + "\n" + page.asNormalizedText());
        }
    }

    /** Fills in and submits the form; returns where the browser stopped afterwards. */
    public Browser.Outcome signIn(String username, String password) {
        HtmlForm form = page.getHtmlElementById("kc-form-login");
        form.<HtmlInput>getInputByName("username").setValue(username);
        form.<HtmlInput>getInputByName("password").setValue(password);
        return browser.click(page, "kc-login");
    }

    /** Re-reads a page as the login page, e.g. after a failed sign-in. */
    public static LoginPage of(Browser browser, Browser.Outcome outcome) {
        if (!(outcome.page() instanceof HtmlPage html) || outcome.redirect() != null) {
            throw new AssertionError("Expected the login page, got " + outcome);
        }
        return new LoginPage(browser, html);
    }

    /** The error shown under the username field, or an empty string. */
    public String fieldError() {
        HtmlElement error = page.getElementById("input-error-username") instanceof HtmlElement element ? element : null;
        return error == null ? "" : error.asNormalizedText().trim();
    }

    public HtmlPage page() {
        return page;
    }
}
