#!/usr/bin/env bash
# Backs the platform's MongoDB up (docker-compose's mongo-backup): a mongodump of the whole replica set with its oplog
# (a consistent point in time), gzip-compressed into one archive in /backups, every BACKUP_INTERVAL_SECONDS, keeping
# the newest BACKUP_KEEP. An archive is written under a temporary name and renamed once complete, so a file named
# wildlife-*.archive.gz is always whole. `mongo-backup.sh --check` (the healthcheck) succeeds while the last backup
# succeeded within two intervals.
set -euo pipefail

BACKUPS=${BACKUPS:-/backups}
interval=${BACKUP_INTERVAL_SECONDS:-86400}
keep=${BACKUP_KEEP:-14}
last="$BACKUPS/.last-success"

if [ "${1:-}" = "--check" ]; then
  [ -f "$last" ] && [ $(( $(date -u +%s) - $(cat "$last") )) -le $(( 2 * interval )) ]
  exit
fi

: "${MONGO_URI:?set MONGO_URI, the replica set to back up}"
case "$interval$keep" in
  *[!0-9]*) echo "BACKUP_INTERVAL_SECONDS and BACKUP_KEEP must be whole numbers" >&2; exit 2 ;;
esac
umask 077

while true; do
  name="wildlife-$(date -u +%Y%m%dT%H%M%SZ).archive.gz"
  if mongodump --uri="$MONGO_URI" --oplog --gzip --archive="$BACKUPS/.$name.partial" --quiet; then
    mv "$BACKUPS/.$name.partial" "$BACKUPS/$name"
    date -u +%s > "$last"
    # The newest $keep archives stay (names sort by time).
    ls -1 "$BACKUPS"/wildlife-*.archive.gz | sort -r | tail -n +$((keep + 1)) | xargs -r rm -f --
    echo "$(date -u +%FT%TZ) backup $name written ($(du -h "$BACKUPS/$name" | cut -f1))"
  else
    rm -f "$BACKUPS/.$name.partial"
    echo "$(date -u +%FT%TZ) backup failed; the next attempt in ${interval} s" >&2
  fi
  sleep "$interval"
done
