package cn.wildlife.support.mongo;

import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;

/** The filter for "in this region": a province, a city or a district, given as the start of its code. */
public final class Regions {

    /** Length of an administrative division code (行政区划代码); every stored region is one. */
    public static final int CODE_LENGTH = 6;

    private Regions() {}

    /**
     * Records whose region code starts with {@code prefix}. A whole code asks for one region: an equality, which an
     * index on the field answers in order (a search's page reads its own records), where an expression would be
     * a range of the index to read through.
     */
    public static Bson within(String field, String prefix) {
        return prefix.length() == CODE_LENGTH ? Filters.eq(field, prefix) : Filters.regex(field, "^" + prefix);
    }
}
