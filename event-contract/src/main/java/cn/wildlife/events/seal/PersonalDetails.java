package cn.wildlife.events.seal;

import cn.wildlife.events.link.Identifier;
import java.util.List;

/**
 * What an agency seals in a clue report: the suspects' identifiers and the people the clue names, as the plain fields
 * of {@code ClueReported} would hold them (schema {@code personal-details.v1.json}, the same limits).
 */
public record PersonalDetails(List<Identifier> identifiers, List<String> people) {

    public PersonalDetails {
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
        people = people == null ? List.of() : List.copyOf(people);
    }

    @Override
    public String toString() {
        return "PersonalDetails[" + identifiers.size() + " identifiers, " + people.size() + " people, withheld]";
    }
}
