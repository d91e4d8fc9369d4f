package dev.keyward.oauth21.fapi2;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The sizes of a client's public keys as Keycloak stores them for private_key_jwt: a JSON Web Key Set (RFC 7517,
 * attribute {@code jwks.string}) or an X.509 certificate (attribute {@code jwt.credential.certificate}, base64 DER).
 * Free of Keycloak: a JWKS is read with Jackson's streaming parser, which Keycloak carries.
 */
public final class ClientKeys {

    /** One public key: its {@code kid} (may be null), its type ({@code RSA}, {@code EC}, {@code OKP}) and its size in bits. */
    public record Key(String id, String type, int bits) {
    }

    private static final Map<String, Integer> CURVE_BITS = Map.of("P-256", 256, "P-384", 384, "P-521", 521, "secp256k1", 256,
            "Ed25519", 256, "Ed448", 456, "X25519", 256, "X448", 448);

    private static final JsonFactory JSON = new JsonFactory();

    private ClientKeys() {
    }

    /** The string members of the key object the parser is in; nested values are skipped. */
    private static Map<String, String> members(JsonParser json) throws IOException {
        Map<String, String> members = new HashMap<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            if (json.nextToken() == JsonToken.VALUE_STRING) {
                members.put(name, json.getText());
            } else {
                json.skipChildren();
            }
        }
        return members;
    }

    private static Optional<Key> size(Map<String, String> key) {
        String type = key.get("kty");
        if ("RSA".equals(type) && key.get("n") != null) {
            return Optional.of(new Key(key.get("kid"), type, new BigInteger(1, Base64.getUrlDecoder().decode(key.get("n"))).bitLength()));
        }
        if (("EC".equals(type) || "OKP".equals(type)) && CURVE_BITS.containsKey(key.get("crv"))) {
            return Optional.of(new Key(key.get("kid"), type, CURVE_BITS.get(key.get("crv"))));
        }
        return Optional.empty();
    }

    /** The keys of a JWKS; an entry of another type or without its size is left out. Throws IllegalArgumentException when it is not a JWKS. */
    public static List<Key> fromJwks(String jwks) {
        List<Key> sizes = new ArrayList<>();
        try (JsonParser json = JSON.createParser(jwks)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON Web Key Set: not a JSON object");
            }
            boolean keys = false;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                JsonToken value = json.nextToken();
                if ("keys".equals(json.currentName()) && value == JsonToken.START_ARRAY) {
                    keys = true;
                    while (json.nextToken() == JsonToken.START_OBJECT) {
                        size(members(json)).ifPresent(sizes::add);
                    }
                } else {
                    json.skipChildren();
                }
            }
            if (!keys) {
                throw new IllegalArgumentException("not a JSON Web Key Set: it has no \"keys\" array");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON Web Key Set: " + e.getMessage(), e);
        }
        return sizes;
    }

    /** The key of a base64 DER X.509 certificate, as Keycloak stores it; IllegalArgumentException when it is not one. */
    public static Key fromCertificate(String base64Der) {
        PublicKey key;
        try {
            key = CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getMimeDecoder().decode(base64Der))).getPublicKey();
        } catch (CertificateException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an X.509 certificate", e);
        }
        if (key instanceof RSAPublicKey rsa) {
            return new Key(null, "RSA", rsa.getModulus().bitLength());
        }
        if (key instanceof ECPublicKey ec) {
            return new Key(null, "EC", ec.getParams().getCurve().getField().getFieldSize());
        }
        if (key instanceof EdECPublicKey ed) {
            return new Key(null, "OKP", CURVE_BITS.getOrDefault(ed.getParams().getName(), 0));
        }
        throw new IllegalArgumentException("a certificate of a " + key.getAlgorithm() + " key");
    }
}
