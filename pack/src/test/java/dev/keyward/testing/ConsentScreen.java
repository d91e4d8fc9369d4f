package dev.keyward.testing;

import java.util.List;

import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlPage;

/** Keyward's granular consent screen, as a user sees and answers it. */
public final class ConsentScreen {

    private final Browser browser;
    private final HtmlPage page;

    private ConsentScreen(Browser browser, HtmlPage page) {
        this.browser = browser;
        this.page = page;
    }

    /** Whether the browser stopped on the consent screen. */
    public static boolean isShown(Browser.Outcome outcome) {
        return outcome.redirect() == null && outcome.page() instanceof HtmlPage html && html.getElementById("keyward-consent-form") != null;
    }

    public static ConsentScreen of(Browser browser, Browser.Outcome outcome) {
        if (!isShown(outcome)) {
            throw new AssertionError("Expected Keyward's consent screen, got " + outcome);
        }
        return new ConsentScreen(browser, (HtmlPage) outcome.page());
    }

    /** Scopes the user may untick (enabled checkboxes), by scope name. */
    public List<String> optionalScopes() {
        return checkboxes().stream().filter(c -> !c.isDisabled()).map(HtmlCheckBoxInput::getValue).toList();
    }

    /** Scopes shown as required (disabled, ticked checkboxes), by scope name. */
    public List<String> requiredScopes() {
        return checkboxes().stream().filter(HtmlCheckBoxInput::isDisabled).map(HtmlCheckBoxInput::getValue).toList();
    }

    public String text() {
        return page.asNormalizedText();
    }

    public HtmlPage page() {
        return page;
    }

    public ConsentScreen untick(String scope) {
        checkboxes().stream().filter(c -> c.getValue().equals(scope)).findFirst()
                .orElseThrow(() -> new AssertionError("No optional scope " + scope + " on the consent screen"))
                .setChecked(false);
        return this;
    }

    public Browser.Outcome allow() {
        return press("keyward-consent-allow");
    }

    public Browser.Outcome deny() {
        return press("keyward-consent-deny");
    }

    private List<HtmlCheckBoxInput> checkboxes() {
        return page.getElementById("keyward-consent-scopes").getElementsByTagName("input").stream()
                .filter(HtmlCheckBoxInput.class::isInstance).map(HtmlCheckBoxInput.class::cast).toList();
    }

    private Browser.Outcome press(String buttonId) {
        return browser.click(page, buttonId);
    }
}
