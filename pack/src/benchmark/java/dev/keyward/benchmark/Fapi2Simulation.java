package dev.keyward.benchmark;

import static io.gatling.javaapi.core.CoreDsl.exec;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpDsl;

/**
 * A FAPI 2.0 sign-in with DPoP, again and again, each with a fresh browser: PAR with private_key_jwt and
 * {@code dpop_jkt}, the login page by {@code request_uri}, the form post, and the code exchange with private_key_jwt
 * and a DPoP proof. The same client on every server, under Keycloak's {@code fapi-2-dpop-security-profile} on the
 * stock one and Keyward's fapi2 on the others.
 */
public class Fapi2Simulation extends Simulation {

    public Fapi2Simulation() {
        BenchTarget target = BenchTarget.published();
        setUp(KeycloakFlows.population("fapi2", exec(HttpDsl.flushCookieJar()).exec(KeycloakFlows.fapi2Login(target)), target))
                .protocols(KeycloakFlows.protocol(target));
    }

    /** Makes the FAPI 2.0 client's RSA key for this run, publishes it for the simulations, and returns its public JWK for the realm. */
    static String makeBankKey() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(BenchTarget.BANK + "-signing").keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.PS256).generate();
            System.setProperty(BenchTarget.BANK_KEY, key.toJSONString());
            return key.toPublicJWK().toJSONString();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not make the FAPI 2.0 client's key", e);
        }
    }
}
