package cn.wildlife.support.crypto;

/**
 * A sealed value that does not open: changed, copied from another field (its context differs), sealed under a key
 * this service does not have, or not sealed at all. Never carries the value itself.
 */
public class SealedValueRefused extends RuntimeException {

    public SealedValueRefused(String why) {
        super("a sealed value was refused: " + why);
    }
}
