#!/usr/bin/env bash
# Creates, once, what Kafka's TLS listener needs (docker-compose's kafka-tls service runs it before the broker starts):
#   CA_DIR      a private certificate authority of this installation (its key never leaves this volume)
#   BROKER_DIR  the broker's key and certificate signed by that CA (PKCS12) and the keystore's password
#   TRUST_DIR   a truststore holding only the CA's certificate (PKCS12, and ca.crt as PEM), for every client
# What exists is kept: removing BROKER_DIR's keystore issues the broker a new certificate from the same CA (to renew
# it, or to add a host name), and no client needs a new truststore.
set -euo pipefail

CA_DIR=${CA_DIR:-/var/lib/wildlife/kafka-ca}
BROKER_DIR=${BROKER_DIR:-/var/lib/wildlife/kafka-broker-tls}
TRUST_DIR=${TRUST_DIR:-/var/lib/wildlife/kafka-truststore}
# The names clients reach the broker by; the certificate must carry each, or host name verification refuses it.
BROKER_HOSTS=${BROKER_HOSTS:-kafka,localhost}
# The apache/kafka image runs its broker as appuser (uid 1000), who alone may read the private key.
BROKER_UID=${BROKER_UID:-1000}

umask 077
random_password() {
  head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9'
}

if [ ! -f "$CA_DIR/ca.p12" ]; then
  echo "Creating the installation's Kafka CA"
  random_password > "$CA_DIR/ca.password"
  keytool -genkeypair -alias ca -keystore "$CA_DIR/ca.new.p12" -storetype PKCS12 -storepass:file "$CA_DIR/ca.password" \
    -keyalg RSA -keysize 3072 -validity 3650 -dname "CN=Wildlife platform Kafka CA" \
    -ext bc:c=ca:true,pathlen:0 -ext ku:c=keyCertSign,cRLSign
  mv "$CA_DIR/ca.new.p12" "$CA_DIR/ca.p12"
fi
keytool -exportcert -rfc -alias ca -keystore "$CA_DIR/ca.p12" -storepass:file "$CA_DIR/ca.password" \
  -file "$CA_DIR/ca.crt"

if [ ! -f "$TRUST_DIR/truststore.p12" ] || ! cmp -s "$CA_DIR/ca.crt" "$TRUST_DIR/ca.crt"; then
  echo "Writing the truststore"
  rm -f "$TRUST_DIR/truststore.new.p12"
  # Without a MAC or encryption the store opens without a password: it holds one public certificate, and clients
  # need no secret to trust the broker.
  random_password > "$CA_DIR/truststore.password"
  keytool -J-Dkeystore.pkcs12.certProtectionAlgorithm=NONE -J-Dkeystore.pkcs12.macAlgorithm=NONE \
    -importcert -noprompt -alias wildlife-kafka-ca -file "$CA_DIR/ca.crt" \
    -keystore "$TRUST_DIR/truststore.new.p12" -storetype PKCS12 -storepass:file "$CA_DIR/truststore.password"
  rm -f "$CA_DIR/truststore.password"
  cp "$CA_DIR/ca.crt" "$TRUST_DIR/ca.crt"
  chmod 0444 "$TRUST_DIR/truststore.new.p12" "$TRUST_DIR/ca.crt"
  chmod 0755 "$TRUST_DIR"
  mv "$TRUST_DIR/truststore.new.p12" "$TRUST_DIR/truststore.p12"
fi

if [ ! -f "$BROKER_DIR/kafka.keystore.p12" ]; then
  echo "Issuing the broker's certificate for ${BROKER_HOSTS}"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  random_password > "$work/keystore.password"
  keytool -genkeypair -alias kafka -keystore "$work/kafka.keystore.p12" -storetype PKCS12 \
    -storepass:file "$work/keystore.password" -keyalg RSA -keysize 3072 -validity 825 \
    -dname "CN=${BROKER_HOSTS%%,*}"
  keytool -certreq -alias kafka -keystore "$work/kafka.keystore.p12" -storepass:file "$work/keystore.password" \
    -file "$work/kafka.csr"
  # Each name once; an address as an IP entry, a name as a DNS one.
  san=$(printf '%s' "$BROKER_HOSTS" | tr ',' '\n' | awk 'NF && !seen[$0]++ {
      print ($0 ~ /^[0-9.]+$/ || $0 ~ /:/ ? "ip:" : "dns:") $0 }' | paste -sd, -)
  keytool -gencert -alias ca -keystore "$CA_DIR/ca.p12" -storepass:file "$CA_DIR/ca.password" \
    -infile "$work/kafka.csr" -outfile "$work/kafka.crt" -rfc -validity 825 \
    -ext "san=${san}" -ext ku:c=digitalSignature,keyEncipherment -ext eku=serverAuth
  # The CA first, so that keytool accepts the signed certificate as the reply to the key's request.
  keytool -importcert -noprompt -alias ca -file "$CA_DIR/ca.crt" -keystore "$work/kafka.keystore.p12" \
    -storepass:file "$work/keystore.password"
  keytool -importcert -alias kafka -file "$work/kafka.crt" -keystore "$work/kafka.keystore.p12" \
    -storepass:file "$work/keystore.password"
  chmod 0400 "$work/kafka.keystore.p12" "$work/keystore.password"
  chown "$BROKER_UID" "$work/kafka.keystore.p12" "$work/keystore.password"
  mv "$work/keystore.password" "$BROKER_DIR/keystore.password"
  mv "$work/kafka.keystore.p12" "$BROKER_DIR/kafka.keystore.p12"
fi
echo "Kafka TLS material ready"
