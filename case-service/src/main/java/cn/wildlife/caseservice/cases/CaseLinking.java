package cn.wildlife.caseservice.cases;

import cn.wildlife.caseservice.cases.domain.Case;
import cn.wildlife.caseservice.link.Linking;
import org.springframework.stereotype.Component;

/** Registers the identifiers a case names, so records of other agencies naming the same ones are linked to it. */
@Component
class CaseLinking {

    private final Linking linking;

    CaseLinking(Linking linking) {
        this.linking = linking;
    }

    void link(Case c) {
        linking.register(new Linking.RecordRef("CASE", c.id(), c.agency(), c.region()), c.allIdentifiers());
    }
}
