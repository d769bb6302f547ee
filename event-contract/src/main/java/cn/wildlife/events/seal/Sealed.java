package cn.wildlife.events.seal;

/**
 * Personal details sealed for the platform alone: SM2 public-key encryption (GB/T 32918.4) under the platform's intake
 * key, so that an agency's own topic carries no personal data in plain (docs/events.md, "Sealing suspects' details").
 *
 * @param keyId      which intake key sealed it ({@link IntakeKey#id()})
 * @param ciphertext the SM2 ciphertext in GM/T 0009's DER encoding ({@code SEQUENCE {x, y, C3, C2}}, what
 *     {@code openssl pkeyutl -encrypt} writes for an SM2 key), base64
 */
public record Sealed(String keyId, String ciphertext) {

    @Override
    public String toString() {
        return "Sealed[" + keyId + ", " + ciphertext.length() + " chars]";
    }
}
