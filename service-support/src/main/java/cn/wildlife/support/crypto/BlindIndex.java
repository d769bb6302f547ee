package cn.wildlife.support.crypto;

/**
 * A keyed blind index (HMAC-SM3 under its own key, never the data keys): equal normalised values give equal index
 * keys, so records are matched across agencies, while nobody without the key can compute the index key of a guessed
 * phone or ID number.
 */
public interface BlindIndex {

    /** The index key of an already normalised value, as lower-case hex; {@code purpose} separates uses. */
    String of(String purpose, String normalisedValue);
}
