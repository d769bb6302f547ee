#!/usr/bin/env bash
# docker-compose's kafka-setup: runs `wildlife-platform kafka-setup` with the principals' passwords from the
# environment. KAFKA_PASSWORD_<PRINCIPAL> is the password of <principal> (upper case, '-' as '_'), e.g.
# KAFKA_PASSWORD_AGENCY_FORESTRY of agency-forestry and KAFKA_PASSWORD_PLATFORM_BROKER of the broker itself. Which
# principals exist and what each may do is the command's business (KafkaAccess): it refuses a name it does not know.
# The files live on a tmpfs, so the passwords never reach a disk. Arguments are passed on to the command.
set -euo pipefail
dir=${SETUP_DIR:-/run/kafka-setup}
umask 077
: "${KAFKA_PASSWORD_PLATFORM_BROKER:?set KAFKA_PASSWORD_PLATFORM_BROKER, the password of the broker principal platform-broker}"
: > "$dir/passwords.properties"
for variable in "${!KAFKA_PASSWORD_@}"; do
  password=${!variable}
  case "$password" in
    ""|*[\"\\[:space:]]*) echo "$variable must be set, without quotes, backslashes or spaces" >&2; exit 2 ;;
  esac
  principal=$(printf '%s' "${variable#KAFKA_PASSWORD_}" | tr 'A-Z_' 'a-z-')
  printf '%s=%s\n' "$principal" "$password" >> "$dir/passwords.properties"
done
cat > "$dir/broker.properties" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="platform-broker" password="${KAFKA_PASSWORD_PLATFORM_BROKER}";
PROPERTIES
exec java -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -jar /app/app.jar kafka-setup \
  --broker-config="$dir/broker.properties" --passwords="$dir/passwords.properties" "$@"
