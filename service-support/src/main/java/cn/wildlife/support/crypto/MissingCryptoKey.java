package cn.wildlife.support.crypto;

/**
 * A service that seals personal data was started without a key it needs (or with one it cannot use): it refuses to
 * start rather than store personal data in plain text. The message names the settings.
 */
public class MissingCryptoKey extends IllegalStateException {

    private static final String MASTER_AND_INDEX = "Configure platform.crypto.master-key (or master-key-file) and "
            + "platform.crypto.index-key (or index-key-file); see docs/data-protection.md.";

    private final String action;

    public MissingCryptoKey(String message) {
        this(message, MASTER_AND_INDEX);
    }

    /** @param action what to configure, for the start-up report */
    public MissingCryptoKey(String message, String action) {
        super(message);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
