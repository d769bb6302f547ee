package cn.wildlife.local;

/**
 * The slice on the shared platform: the KRaft broker from the Kafka jars and the on-disk Mongo-wire store, or the
 * apache/kafka and mongo images ({@link cn.wildlife.testinfra.TestInfrastructure}).
 */
class PlatformSliceIT extends PlatformSliceScenarios {

    @Override
    LocalPlatform platform() {
        return SharedPlatform.platform();
    }

    @Override
    PlatformClient client() {
        return SharedPlatform.client();
    }
}
