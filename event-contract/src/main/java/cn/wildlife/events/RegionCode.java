package cn.wildlife.events;

import java.util.regex.Pattern;

/**
 * A 6-digit administrative region code (行政区划代码): two digits of province, two of city, two of county.
 * {@code 220000} is Jilin province, {@code 220100} Changchun, {@code 220112} Shuangyang district.
 */
public record RegionCode(String code) {

    private static final Pattern SIX_DIGITS = Pattern.compile("[1-9][0-9]{5}");

    public RegionCode {
        if (code == null || !SIX_DIGITS.matcher(code).matches()) {
            throw new IllegalArgumentException("a region code has six digits, was " + code);
        }
    }

    public static boolean isValid(String code) {
        return code != null && SIX_DIGITS.matcher(code).matches();
    }

    /** The prefix every code in this region's subtree starts with: a province sees its cities and counties. */
    public String subtreePrefix() {
        if (code.endsWith("0000")) {
            return code.substring(0, 2);
        }
        if (code.endsWith("00")) {
            return code.substring(0, 4);
        }
        return code;
    }

    /** The region one level up: a county's city, a city's province; a province is its own top. */
    public RegionCode parent() {
        if (code.endsWith("0000")) {
            return this;
        }
        if (code.endsWith("00")) {
            return new RegionCode(code.substring(0, 2) + "0000");
        }
        return new RegionCode(code.substring(0, 4) + "00");
    }

    public boolean contains(String other) {
        return other != null && other.startsWith(subtreePrefix());
    }

    /** How far down a region is: a province lists cities below it, a city counties, a county nothing further. */
    public enum Level {
        PROVINCE,
        CITY,
        COUNTY
    }

    public Level level() {
        if (code.endsWith("0000")) {
            return Level.PROVINCE;
        }
        return code.endsWith("00") ? Level.CITY : Level.COUNTY;
    }

    /**
     * The region one level below this one that {@code code} (in this region's subtree) counts under, as oversight views
     * roll records up: its city in a province, itself in a city, this county in a county. A region's own offices (a
     * city's bureau, at {@code 220100}) count under this region's own code (本级).
     */
    public String childContaining(String code) {
        return switch (level()) {
            case PROVINCE -> code.substring(0, 4) + "00";
            case CITY -> code;
            case COUNTY -> this.code;
        };
    }
}
