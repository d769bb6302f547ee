package cn.wildlife.support.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The ciphers and the index against published vectors and an independent implementation. */
class CryptoKnownAnswersTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void sm4EncryptsTheStandardsExample() {
        // GB/T 32907-2016, appendix A, example 1: the key is the plaintext.
        byte[] key = HEX.parseHex("0123456789abcdeffedcba9876543210");
        SM4Engine engine = new SM4Engine();
        engine.init(true, new KeyParameter(key));
        byte[] out = new byte[16];
        engine.processBlock(key, 0, out, 0);
        assertThat(HEX.formatHex(out)).isEqualTo("681edf34d206965e86b3e94f536e4246");
    }

    @Test
    void sm4GcmMatchesRfc8998() {
        // RFC 8998 (ShangMi cipher suites for TLS 1.3), appendix A.1: SM4-GCM, through this code's path.
        byte[] key = HEX.parseHex("0123456789abcdeffedcba9876543210");
        byte[] nonce = HEX.parseHex("00001234567800000000abcd");
        byte[] aad = HEX.parseHex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
        byte[] plaintext = HEX.parseHex("aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbccccccccccccccccdddddddddddddddd"
                + "eeeeeeeeeeeeeeeeffffffffffffffffeeeeeeeeeeeeeeeeaaaaaaaaaaaaaaaa");
        String expected = "17f399f08c67d5ee19d0dc9969c4bb7d5fd46fd3756489069157b282bb200735"
                + "d82710ca5c22f0ccfa7cbf93d496ac15a56834cbcf98c397b4024a2691233b8d"
                + "83de3541e4c2b58177e065a9bf7b62ec";

        byte[] sealed = Algorithm.SM4_GCM.encrypt(key, nonce, plaintext, aad);

        assertThat(HEX.formatHex(sealed)).isEqualTo(expected);
        assertThat(Algorithm.SM4_GCM.decrypt(key, nonce, sealed, aad)).isEqualTo(plaintext);
    }

    @Test
    void sm3HashesTheStandardsExample() {
        // GB/T 32905-2016, appendix A, example 1: "abc".
        SM3Digest digest = new SM3Digest();
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        digest.update(abc, 0, abc.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        assertThat(HEX.formatHex(out)).isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void hmacSm3AgreesWithOpenSslAndWithHmacBuiltByHand() {
        byte[] key = "key".getBytes(StandardCharsets.US_ASCII);
        byte[] message = "hello".getBytes(StandardCharsets.US_ASCII);
        // `printf hello | openssl dgst -sm3 -hmac key` (OpenSSL 3.0), an implementation independent of BouncyCastle.
        assertThat(HEX.formatHex(HmacSm3.of(key, message)))
                .isEqualTo("798a6ca374c9ac891982f87a4f4c4d60bd6cdddfe8fb0fa344393621a0c02d96");
        // RFC 2104 over SM3's 64-byte block, written out.
        byte[] block = new byte[64];
        System.arraycopy(key, 0, block, 0, key.length);
        byte[] inner = new byte[64];
        byte[] outer = new byte[64];
        for (int i = 0; i < 64; i++) {
            inner[i] = (byte) (block[i] ^ 0x36);
            outer[i] = (byte) (block[i] ^ 0x5c);
        }
        assertThat(HmacSm3.of(key, message)).isEqualTo(sm3(outer, sm3(inner, message)));
    }

    @Test
    void hmacSm3AgreesWithTheOpenSslOfThisMachine() throws Exception {
        byte[] key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        String message = "13604310000";
        Process openssl;
        try {
            openssl = new ProcessBuilder("openssl", "dgst", "-sm3", "-hmac", new String(key, StandardCharsets.US_ASCII))
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            Assumptions.abort("no openssl here");
            return;
        }
        openssl.getOutputStream().write(message.getBytes(StandardCharsets.US_ASCII));
        openssl.getOutputStream().close();
        String out = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        Assumptions.assumeTrue(
                openssl.waitFor(20, TimeUnit.SECONDS) && openssl.exitValue() == 0, "this openssl has no SM3: " + out);
        assertThat(out).endsWith("= " + HEX.formatHex(HmacSm3.of(key, message.getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void bothAlgorithmsRefuseAnotherContextAChangedByteOrAnotherKey() {
        for (Algorithm algorithm : Algorithm.values()) {
            byte[] key = new byte[algorithm.keyBytes()];
            key[0] = 7;
            byte[] nonce = new byte[Algorithm.NONCE_BYTES];
            byte[] aad = "clue_reporters.phone".getBytes(StandardCharsets.UTF_8);
            byte[] plaintext = "13604310000".getBytes(StandardCharsets.UTF_8);
            byte[] sealed = algorithm.encrypt(key, nonce, plaintext, aad);
            assertThat(sealed).hasSize(plaintext.length + Algorithm.TAG_BYTES);
            assertThat(algorithm.decrypt(key, nonce, sealed, aad)).isEqualTo(plaintext);

            assertThatThrownBy(() -> algorithm.decrypt(
                            key, nonce, sealed, "clue_reporters.name".getBytes(StandardCharsets.UTF_8)))
                    .as(algorithm + ": another context")
                    .isInstanceOf(SealedValueRefused.class);
            byte[] changed = sealed.clone();
            changed[3] ^= 1;
            assertThatThrownBy(() -> algorithm.decrypt(key, nonce, changed, aad))
                    .as(algorithm + ": a changed byte")
                    .isInstanceOf(SealedValueRefused.class);
            byte[] otherKey = key.clone();
            otherKey[1] = 1;
            assertThatThrownBy(() -> algorithm.decrypt(otherKey, nonce, sealed, aad))
                    .as(algorithm + ": another key")
                    .isInstanceOf(SealedValueRefused.class);
        }
    }

    @Test
    void theBlindIndexIsKeyedAndSeparatesPurposes() {
        BlindIndex index = new HmacSm3BlindIndex(HEX.parseHex("000102030405060708090a0b0c0d0e0f"));
        BlindIndex other = new HmacSm3BlindIndex(HEX.parseHex("0f0e0d0c0b0a09080706050403020100"));

        assertThat(index.of("identifier.PHONE", "13604310000"))
                .hasSize(64)
                .isEqualTo(index.of("identifier.PHONE", "13604310000"))
                .isNotEqualTo(index.of("identifier.ID_NUMBER", "13604310000"))
                .isNotEqualTo(other.of("identifier.PHONE", "13604310000"))
                .isEqualTo(HEX.formatHex(HmacSm3.of(
                        HEX.parseHex("000102030405060708090a0b0c0d0e0f"),
                        "identifier.PHONE\u000013604310000".getBytes(StandardCharsets.UTF_8))));
        assertThatThrownBy(() -> new HmacSm3BlindIndex(new byte[8])).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] sm3(byte[]... parts) {
        SM3Digest digest = new SM3Digest();
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }
}
