package dev.keyward.benchmark;

import java.net.URI;
import java.text.ParseException;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.id.ClientID;

/**
 * What the benchmark's FAPI 2.0 client signs, with Nimbus: its private_key_jwt assertions (PS256, the issuer as
 * audience, a fresh {@code jti} each, as Nimbus makes them for the integration tests' client too) and its DPoP proofs
 * (ES256, one key for the run). Kept apart from the HTTP requests, which Gatling sends.
 */
final class Fapi2Client {

    static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private final String issuer;
    private final RSAKey signingKey;
    private final ECKey dpopKey;

    private Fapi2Client(String issuer, RSAKey signingKey, ECKey dpopKey) {
        this.issuer = issuer;
        this.signingKey = signingKey;
        this.dpopKey = dpopKey;
    }

    /** The client of the run's published key, aimed at the target's realm. */
    static Fapi2Client published(BenchTarget target) {
        try {
            return new Fapi2Client(target.baseUrl() + "/realms/" + BenchTarget.REALM, RSAKey.parse(System.getProperty(BenchTarget.BANK_KEY)),
                    new ECKeyGenerator(Curve.P_256).generate());
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("The FAPI 2.0 client's key was not published (-D" + BenchTarget.BANK_KEY + ")", e);
        }
    }

    String assertion() {
        try {
            return new PrivateKeyJWT(new ClientID(BenchTarget.BANK), URI.create(issuer), JWSAlgorithm.PS256, signingKey.toPrivateKey(),
                    signingKey.getKeyID(), null).getClientAssertion().serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign the client assertion", e);
        }
    }

    String dpopProof(String method, String url) {
        try {
            return new DefaultDPoPProofFactory(dpopKey, JWSAlgorithm.ES256).createDPoPJWT(method, URI.create(url)).serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign the DPoP proof", e);
        }
    }

    String dpopThumbprint() {
        try {
            return dpopKey.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
