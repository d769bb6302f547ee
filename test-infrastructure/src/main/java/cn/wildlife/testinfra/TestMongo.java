package cn.wildlife.testinfra;

import java.util.function.Function;

/** A MongoDB an integration test connects to (see {@link TestInfrastructure#mongo()}). */
public final class TestMongo implements AutoCloseable {

    private final Function<String, String> uris;
    private final Runnable stop;

    TestMongo(Function<String, String> uris, Runnable stop) {
        this.uris = uris;
        this.stop = stop;
    }

    /** A connection string naming {@code database}. */
    public String uri(String database) {
        return uris.apply(database);
    }

    @Override
    public void close() {
        stop.run();
    }
}
