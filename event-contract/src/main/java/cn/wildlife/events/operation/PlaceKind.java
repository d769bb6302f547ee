package cn.wildlife.events.operation;

/** Kinds of places a joint operation inspects, as the results table counts them. */
public enum PlaceKind {
    HABITAT("野生动物活动区域"),
    MARKET("重点市场场所"),
    LIVE_POULTRY_SHOP("活禽交易门店"),
    BREEDING_SITE("人工繁育场所"),
    RESTAURANT("餐饮场所"),
    PET_SHOP("宠物商店"),
    ONLINE_PLATFORM("网络交易平台");

    private final String label;

    PlaceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
