package cn.wildlife.caseservice.transfer.domain;

/** Where a transfer of a suspected crime (涉嫌犯罪案件移送) stands. */
public enum TransferState {
    /** Officers reported the suspected crime to their agency head (报告负责人). */
    REPORTED("已报告负责人"),
    /** The head approved the transfer (批准移送); it must leave within 24 hours. */
    APPROVED("已批准移送"),
    /** The head refused (不批准移送), with reasons; the agency goes on administratively. */
    REFUSED("不批准移送"),
    /** Delivered to public security with its package, copied to the procuratorate (已移送). */
    TRANSFERRED("已移送"),
    /** Not the receiving police's jurisdiction: passed on to the competent police (转送). */
    PASSED_ON("已转送"),
    /** The police signed the receipt (已签收回执). */
    RECEIVED("已受理"),
    /** The police filed the case (立案). */
    FILED("已立案"),
    /** The police decided not to file (不予立案), with reasons. */
    NOT_FILED("不予立案"),
    /** Seized items and materials handed over after filing (涉案物品移交). */
    ITEMS_HANDED_OVER("已移交涉案物品"),
    /** The agency asked the police to reconsider (提请复议). */
    RECONSIDERATION_REQUESTED("已提请复议"),
    /** The police upheld not filing on reconsideration (复议维持不予立案). */
    NOT_FILED_UPHELD("复议维持不予立案"),
    /** The agency asked the procuratorate to supervise filing (建议立案监督). */
    SUPERVISION_REQUESTED("已建议立案监督"),
    /** The procuratorate asked the police to explain not filing (要求说明不立案理由). */
    EXPLANATION_REQUESTED("已要求说明理由"),
    /** The police explained in writing (已说明不立案理由). */
    EXPLANATION_GIVEN("已说明理由"),
    /** The procuratorate ordered the police to file (通知立案). */
    FILING_ORDERED("已通知立案"),
    /** Not filing stands; the agency handles the case administratively (不立案终结). */
    CLOSED_NOT_FILED("不立案终结"),
    /** Reverse transfer: the police found no crime but an administrative violation and sent it back (退回). */
    RETURNED("公安机关退回"),
    /** The administrative agency accepted the returned case and handles it (已接收退回案件). */
    RETURN_ACCEPTED("已接收退回案件"),
    /** The agency's own administrative outcome is on record (行政处理结果已记录). */
    OUTCOME_RECORDED("行政处理结果已记录");

    private final String label;

    TransferState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
