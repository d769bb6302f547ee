package cn.wildlife.local;

/** The slice on the embedded default: the KRaft broker from the Kafka jars and the on-disk Mongo-wire store. */
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
