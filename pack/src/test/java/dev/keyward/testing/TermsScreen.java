package dev.keyward.testing;

import org.htmlunit.html.HtmlPage;

/** Keyward's terms page and, after declining, the page that ends the login. */
public final class TermsScreen {

    private final Browser browser;
    private final HtmlPage page;

    private TermsScreen(Browser browser, HtmlPage page) {
        this.browser = browser;
        this.page = page;
    }

    /** Whether the outcome is the terms page asking to accept. */
    public static boolean isShown(Browser.Outcome outcome) {
        return outcome.redirect() == null && outcome.page() instanceof HtmlPage html && html.getElementById("keyward-terms-form") != null;
    }

    public static TermsScreen of(Browser browser, Browser.Outcome outcome) {
        if (outcome.redirect() != null || !(outcome.page() instanceof HtmlPage html)
                || html.getElementById("keyward-terms-form") == null && html.getElementById("keyward-terms-declined-form") == null) {
            throw new AssertionError("Expected Keyward's terms page, got " + outcome);
        }
        return new TermsScreen(browser, html);
    }

    public String text() {
        return page.asNormalizedText();
    }

    public int status() {
        return page.getWebResponse().getStatusCode();
    }

    public Browser.Outcome accept() {
        return press("keyward-terms-accept");
    }

    public TermsScreen decline() {
        return of(browser, press("keyward-terms-decline"));
    }

    /** On the declined page: back to the application, which hears {@code access_denied}. */
    public Browser.Outcome backToApplication() {
        return press("keyward-back-to-application");
    }

    private Browser.Outcome press(String buttonId) {
        return browser.click(page, buttonId);
    }
}
