package cn.wildlife.events.link;

/**
 * A suspect's identifier on a clue or case (never the reporter's). Travels only on an agency's own topic into the
 * platform; platform events carry it masked.
 */
public record Identifier(IdentifierType type, String value) {

    @Override
    public String toString() {
        return "Identifier[" + type + ", withheld]";
    }
}
