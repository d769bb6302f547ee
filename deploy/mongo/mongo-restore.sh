#!/usr/bin/env bash
# Restores one archive of mongo-backup.sh into the replica set, replacing every collection it holds (--drop) and
# replaying the oplog it carries, so the data is as at the end of that backup. Stop the services first (docs/
# operations.md): a service writing meanwhile would mix its writes into the restored data.
#
#   docker compose exec mongo-backup bash /opt/wildlife/mongo-restore.sh /backups/wildlife-20261207T020000Z.archive.gz --yes
set -euo pipefail

archive=${1:-}
if [ -z "$archive" ] || [ ! -f "$archive" ]; then
  echo "usage: mongo-restore.sh /backups/wildlife-<time>.archive.gz --yes" >&2
  echo "archives:" >&2
  ls -1 /backups/wildlife-*.archive.gz 2>/dev/null | sort -r >&2 || true
  exit 2
fi
if [ "${2:-}" != "--yes" ]; then
  echo "This replaces every collection in $archive with its content as of that backup. Add --yes to go on." >&2
  exit 2
fi
: "${MONGO_URI:?set MONGO_URI, the replica set to restore into}"
mongorestore --uri="$MONGO_URI" --gzip --archive="$archive" --drop --oplogReplay
echo "Restored $archive. Before starting the services, set their consumer groups back to the backup's time (docs/operations.md)."
