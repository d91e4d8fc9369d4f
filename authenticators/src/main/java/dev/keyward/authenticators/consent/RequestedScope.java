package dev.keyward.authenticators.consent;

/**
 * A client scope in the authorization request, as the consent step sees it.
 *
 * @param name      the client scope's name, as it appears in the {@code scope} parameter
 * @param required  a default scope of the client: granted with the login or not at all
 * @param displayed the scope's own "Display on consent screen" setting; hidden scopes are granted silently
 */
public record RequestedScope(String name, boolean required, boolean displayed) {
}
