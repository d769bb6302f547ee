package cn.wildlife.support.web;

/** A record that does not exist, or that the caller may not know exists: answered 404. */
public class RecordNotFoundException extends RuntimeException {

    private final String kind;
    private final String id;

    public RecordNotFoundException(String kind, String id) {
        super(kind + " " + id + " not found");
        this.kind = kind;
        this.id = id;
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
