package cn.wildlife.events.cases;

/** The units quantities are counted in; a quantity never travels without its unit. */
public enum QuantityUnit {
    ANIMAL("只"),
    HEAD("头"),
    FISH("尾"),
    PLANT("株"),
    ITEM("件"),
    KILOGRAM("千克"),
    METRE("米"),
    PIECE("个"),
    SET("套");

    private final String label;

    QuantityUnit(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
