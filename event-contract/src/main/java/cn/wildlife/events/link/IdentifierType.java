package cn.wildlife.events.link;

/** The identifiers that tie one suspect's records together across agencies. */
public enum IdentifierType {
    ID_NUMBER("身份证号"),
    PHONE("电话号码"),
    VEHICLE_PLATE("车牌号"),
    ONLINE_SHOP("网店");

    private final String label;

    IdentifierType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
