#!/usr/bin/env bash
# Starts the apache/kafka image's broker with the settings that carry secrets, which cannot be plain KAFKA_*
# variables: the keystore's password is in the TLS volume (create-tls.sh made it), and the broker's own password
# comes from BROKER_PASSWORD (not KAFKA_*: the image turns every KAFKA_* variable into a broker setting). They go into
# the image's file input, to which the image appends the KAFKA_* settings, then the image's own start script runs.
set -euo pipefail
: "${BROKER_PASSWORD:?set BROKER_PASSWORD, the password of the broker principal platform-broker}"
case "$BROKER_PASSWORD" in
  *[\"\\[:space:]]*) echo "BROKER_PASSWORD must not contain quotes, backslashes or spaces" >&2; exit 2 ;;
esac
umask 077
keystore_password=$(cat /etc/kafka/secrets/keystore.password)
plain="org.apache.kafka.common.security.plain.PlainLoginModule required username=\"platform-broker\" password=\"${BROKER_PASSWORD}\" user_platform-broker=\"${BROKER_PASSWORD}\";"
cat > /mnt/shared/config/server.properties <<PROPERTIES
listener.name.internal.plain.sasl.jaas.config=${plain}
listener.name.controller.plain.sasl.jaas.config=${plain}
listener.name.client.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
listener.name.client.ssl.keystore.password=${keystore_password}
listener.name.client.ssl.key.password=${keystore_password}
listener.name.external.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
listener.name.external.ssl.keystore.password=${keystore_password}
listener.name.external.ssl.key.password=${keystore_password}
PROPERTIES
# The healthcheck's client settings: it authenticates as the broker on the internal listener, the only identity
# that exists before kafka-setup has created the others.
cat > /opt/kafka/config/healthcheck.properties <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="platform-broker" password="${BROKER_PASSWORD}";
PROPERTIES
exec /etc/kafka/docker/run
