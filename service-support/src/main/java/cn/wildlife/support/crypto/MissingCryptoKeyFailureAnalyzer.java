package cn.wildlife.support.crypto;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A service that could not start for want of a key says so in one paragraph, not in a stack of bean errors. */
public class MissingCryptoKeyFailureAnalyzer extends AbstractFailureAnalyzer<MissingCryptoKey> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingCryptoKey cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
