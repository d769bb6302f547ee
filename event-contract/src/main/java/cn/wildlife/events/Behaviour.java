package cn.wildlife.events;

/** Suspected behaviours, as the seeds list them (违法行为). */
public enum Behaviour {
    ILLEGAL_HUNTING("非法猎捕"),
    ILLEGAL_PURCHASE_TRANSPORT_SALE("非法收购、运输、出售"),
    ILLEGAL_PROCESSING_AND_USE("非法加工、经营利用"),
    ILLEGAL_CAPTIVE_BREEDING("非法人工繁育"),
    ONLINE_ILLEGAL_TRADE("网络非法交易"),
    ILLEGAL_IMPORT_MAILING_SMUGGLING("非法引进、邮寄、走私"),
    HABITAT_DESTRUCTION("破坏栖息地");

    private final String label;

    Behaviour(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
