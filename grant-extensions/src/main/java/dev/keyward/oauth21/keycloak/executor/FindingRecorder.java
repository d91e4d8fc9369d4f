package dev.keyward.oauth21.keycloak.executor;

import java.util.List;

import io.micrometer.core.instrument.Metrics;
import org.jboss.logging.Logger;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import dev.keyward.oauth21.rule.Finding;
import dev.keyward.oauth21.rule.Mode;
import dev.keyward.oauth21.rule.Verdict;
import dev.keyward.oauth21.rule.Violation;

/**
 * Records every finding: an event in the realm's event store, a log line, and a counter on
 * Keycloak's metrics endpoint ({@code keyward_oauth21_findings_total}). A refused request's event is
 * the request's own error type ({@code LOGIN_ERROR}, {@code CODE_TO_TOKEN_ERROR}, …), as Keycloak
 * records its own refusals. A reported finding belongs to a request that goes on and may well
 * succeed, so it must not look like a failure (an operator's alert on {@code LOGIN_ERROR} would fire
 * for logins that worked) nor like a success of its own (it would count a login that has not
 * happened): Keycloak has no event type for a warning, so it is a {@link #REPORTED} event, an
 * informational type about a client that no login, token or error metric counts, with the request's
 * type in {@link #DETAIL_REQUEST} and the OAuth error it would have had in {@link #DETAIL_ERROR}.
 */
public final class FindingRecorder {

    public static final String DETAIL_RULE = "keyward_rule";
    static final String DETAIL_MODE = "keyward_mode";
    public static final String DETAIL_OUTCOME = "keyward_outcome";
    /** The setting or request value at fault, e.g. the redirect URI a request asked for. */
    public static final String DETAIL_SETTING = "keyward_setting";
    public static final String DETAIL_VALUE = "keyward_value";
    /** Of a reported finding: the event type of the request it was found in, e.g. {@code LOGIN}. */
    public static final String DETAIL_REQUEST = "keyward_request";
    /** Of a reported finding: the OAuth error the request would have been refused with. */
    static final String DETAIL_ERROR = "keyward_error";
    /** The event type of reported findings (see the class comment). */
    public static final EventType REPORTED = EventType.CLIENT_INFO;
    static final String METRIC = "keyward.oauth21.findings";
    private static final String KEPT = "kept";
    private static final int MAX_VALUE_LENGTH = 500;

    private static final Logger LOG = Logger.getLogger(FindingRecorder.class);

    private FindingRecorder() {
    }

    static void record(KeycloakSession session, RealmModel realm, String clientId, EventType eventType, Verdict.Judged judged) {
        Finding finding = judged.finding();
        boolean refused = judged.mode() == Mode.ENFORCE;
        String outcome = refused ? "rejected" : "reported";
        EventBuilder builder = event(session, realm, clientId, refused ? eventType : REPORTED, finding, judged.mode(), outcome);
        if (refused) {
            builder.error(finding.error());
        } else {
            builder.detail(DETAIL_REQUEST, eventType.name()).detail(DETAIL_ERROR, finding.error()).success();
        }
        storeEvenWhereTheRealmWouldNot(session, realm, builder.getEvent());
        LOG.infof("OAuth 2.1 rule %s %s a request of client %s in realm %s: %s",
                finding.rule().id(), outcome, clientId, realm.getName(), finding.description());
        Metrics.counter(METRIC, "rule", finding.rule().id(), "realm", realm.getName(), "outcome", outcome).increment();
    }

    /** A violation an update left as the stored client already had it: the ratchet lets the update through. */
    static void recordKept(KeycloakSession session, RealmModel realm, String clientId, Finding finding) {
        EventBuilder builder = event(session, realm, clientId, EventType.CLIENT_UPDATE, finding, null, KEPT);
        builder.success();
        storeEvenWhereTheRealmWouldNot(session, realm, builder.getEvent());
        LOG.infof("OAuth 2.1 rule %s: client %s in realm %s was updated and keeps a setting stored before: %s",
                finding.rule().id(), clientId, realm.getName(), finding.description());
    }

    private static EventBuilder event(KeycloakSession session, RealmModel realm, String clientId, EventType eventType, Finding finding,
                                      Mode mode, String outcome) {
        EventBuilder builder = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(eventType)
                .client(clientId)
                .detail(DETAIL_RULE, finding.rule().id())
                .detail(DETAIL_OUTCOME, outcome)
                .detail(Details.REASON, finding.description())
                // Stored in its own transaction, so a rejected request does not take its event with it.
                .storeImmediately(true);
        if (mode != null) {
            builder.detail(DETAIL_MODE, mode.id());
        }
        Violation.Setting setting = finding.violation().setting();
        if (setting != null) {
            builder.detail(DETAIL_SETTING, setting.name()).detail(DETAIL_VALUE, shortened(setting.value()));
        }
        return builder;
    }

    /** Some event types (refresh and PAR errors, client updates) are not stored by default; a Keyward finding always is. */
    private static void storeEvenWhereTheRealmWouldNot(KeycloakSession session, RealmModel realm, Event event) {
        if (realm.isEventsEnabled() && !storedByRealmSettings(realm, event.getType())) {
            Event copy = event.clone();
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(),
                    store -> store.getProvider(EventStoreProvider.class).onEvent(copy));
        }
    }

    private static String shortened(String value) {
        return value == null || value.length() <= MAX_VALUE_LENGTH ? value : value.substring(0, MAX_VALUE_LENGTH) + "...";
    }

    private static boolean storedByRealmSettings(RealmModel realm, EventType type) {
        List<String> enabled = realm.getEnabledEventTypesStream().toList();
        return enabled.isEmpty() ? type.isSaveByDefault() : enabled.contains(type.name());
    }
}
