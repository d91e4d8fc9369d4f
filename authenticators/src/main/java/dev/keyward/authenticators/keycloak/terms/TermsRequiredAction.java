package dev.keyward.authenticators.keycloak.terms;

import java.time.Instant;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.common.util.Time;
import org.keycloak.events.Errors;
import org.keycloak.models.UserModel;

import dev.keyward.authenticators.keycloak.flow.StoredSettings;
import dev.keyward.authenticators.terms.TermsConfig;

/**
 * Asks for the realm's terms when the user has not accepted the configured version. Accepting
 * stores the version and time on the user; declining shows why the login ends and, on "Back to
 * the application", answers the client with {@code access_denied}.
 */
public class TermsRequiredAction implements RequiredActionProvider {

    public static final String VERSION_ATTRIBUTE = "keyward_terms_version";
    public static final String ACCEPTED_AT_ATTRIBUTE = "keyward_terms_accepted_at";
    static final String DETAIL_VERSION = "keyward_terms_version";
    static final String TEMPLATE = "keyward-terms.ftl";
    static final String DECLINED_TEMPLATE = "keyward-terms-declined.ftl";
    private static final String DECLINED_NOTE = "keyward.terms.declined";
    // validateConfig refuses bad values on save; one that got in another way is logged and replaced.
    private static final StoredSettings<TermsConfig> SETTINGS = new StoredSettings<>("versioned terms", "its default", TermsConfig::read);

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        if (!config(context).version().equals(context.getUser().getFirstAttribute(VERSION_ATTRIBUTE))) {
            context.getAuthenticationSession().addRequiredAction(TermsRequiredActionFactory.PROVIDER_ID);
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        TermsConfig config = config(context);
        var form = context.form()
                .setAttribute("keywardTermsVersion", config.version())
                .setAttribute("keywardTermsTextKey", config.textKey());
        if (config.url() != null) {
            form.setAttribute("keywardTermsUrl", config.url());
        }
        context.challenge(form.createForm(TEMPLATE));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        MultivaluedMap<String, String> answer = context.getHttpRequest().getDecodedFormParameters();
        String version = config(context).version();
        context.getEvent().detail(DETAIL_VERSION, version);
        if (answer.containsKey("accept")) {
            UserModel user = context.getUser();
            user.setSingleAttribute(VERSION_ATTRIBUTE, version);
            user.setSingleAttribute(ACCEPTED_AT_ATTRIBUTE, Instant.ofEpochMilli(Time.currentTimeMillis()).toString());
            context.success();
        } else if (answer.containsKey("decline")) {
            context.getEvent().clone().error(Errors.REJECTED_BY_USER);
            context.getAuthenticationSession().setAuthNote(DECLINED_NOTE, version);
            Response page = context.form().setAttribute("keywardTermsVersion", version).createForm(DECLINED_TEMPLATE);
            context.challenge(Response.fromResponse(page).status(Response.Status.FORBIDDEN).build());
        } else if (answer.containsKey("back") && context.getAuthenticationSession().getAuthNote(DECLINED_NOTE) != null) {
            // Keycloak answers the client with access_denied (state, iss) and records the refusal it passes on.
            context.failure(Errors.REJECTED_BY_USER);
        } else {
            requiredActionChallenge(context);
        }
    }

    private static TermsConfig config(RequiredActionContext context) {
        return SETTINGS.read(context.getRealm(), context.getConfig());
    }

    @Override
    public void close() {
    }
}
