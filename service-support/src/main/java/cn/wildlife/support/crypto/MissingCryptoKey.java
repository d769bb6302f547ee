package cn.wildlife.support.crypto;

/**
 * A service that seals personal data was started without a key it needs (or with one it cannot use): it refuses to
 * start rather than store personal data in plain text. The message names the settings.
 */
public class MissingCryptoKey extends IllegalStateException {

    public MissingCryptoKey(String message) {
        super(message);
    }
}
