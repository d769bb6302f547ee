package cn.wildlife.caseservice.cases.domain;

import java.util.Set;

/** What happened to a seized item (chain of custody, 涉案物品流转). Release and destruction end the chain. */
public enum CustodyAction {
    SEIZED("扣押"),
    STORED("入库保管"),
    APPRAISED("送检鉴定"),
    SENT_TO_RESCUE("送救护中心"),
    RELEASED("放生/放飞"),
    DESTROYED("销毁"),
    HANDED_OVER("移交"),
    RETURNED("退还");

    private final String label;

    CustodyAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean endsChain() {
        return Set.of(RELEASED, DESTROYED, RETURNED).contains(this);
    }
}
