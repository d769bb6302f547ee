package cn.wildlife.caseservice.cases;

import cn.wildlife.events.Agency;

/** Who changed a case, and through which door. */
record ChangedBy(String subject, String name, Agency agency, Door door) {

    /** REST (a person or partner system) or EVENT (an agency's own system, or another platform fact). */
    enum Door {
        REST,
        EVENT
    }
}
