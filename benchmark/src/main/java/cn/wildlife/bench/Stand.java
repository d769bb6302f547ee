package cn.wildlife.bench;

import java.util.Map;

/**
 * What the size figures need of a running platform, wherever it runs: its store, its broker (with the operators'
 * client settings) and the two services they ask. The local runtime in a child process is one; the services against
 * Testcontainers' MongoDB and Kafka ({@link ContainersRun}) the other.
 */
record Stand(String mongoUri, Map<String, Object> kafka, int casePort, int inspectionPort) {}
